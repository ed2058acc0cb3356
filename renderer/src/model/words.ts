/** "1 quote", "3 quotes": a count with its noun, for the counts shown above lists. */
export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
