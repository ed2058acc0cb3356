// How text from other programs is cut into turns (REFI-QDA has no speakers).

/** Turns for text from other programs: one per non-empty line, no speaker (REFI has none). */
export function lineTurns(text: string): { speaker: null; start: number; end: number; timeStart: null; timeEnd: null }[] {
  const out: { speaker: null; start: number; end: number; timeStart: null; timeEnd: null }[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    const lead = line.length - line.trimStart().length;
    const body = line.trim();
    if (body) out.push({ speaker: null, start: at + lead, end: at + lead + body.length, timeStart: null, timeEnd: null });
    at += line.length + 1;
  }
  return out;
}
