const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;

/** Up to `n` UTF-16 units of text around [start, end), never cutting a surrogate pair in half. */
export function contextAround(text: string, start: number, end: number, n = 40): { before: string; after: string } {
  let from = Math.max(0, start - n);
  if (from > 0 && isLow(text.charCodeAt(from))) from++;
  let to = Math.min(text.length, end + n);
  if (to < text.length && isHigh(text.charCodeAt(to - 1))) to--;
  return { before: text.slice(from, start), after: text.slice(end, to) };
}
