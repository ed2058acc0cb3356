import type { DraftTurn } from './types.ts';

/** A timed caption (VTT, SRT) or caption block (Zoom saved captions). */
export interface Cue {
  speaker: string | null;
  text: string;
  start: number;
  end: number | null;
}

export interface Block {
  lines: string[];
  /** 1-based line number of the block's first line, for warnings. */
  lineNumber: number;
}

/** Blank-line separated blocks, the unit of both SRT and WebVTT. */
export function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') {
      current = null;
    } else if (current) {
      current.lines.push(line);
    } else {
      current = { lines: [line], lineNumber: i + 1 };
      blocks.push(current);
    }
  });
  return blocks;
}

/** Captions are display lines; the words matter, not the line breaks or markup. */
export function cleanCueText(text: string): string {
  return decodeEntities(
    text
      .replace(/<\/?[a-z][^<>\n]*>|<\d[\d:.]*>/gi, '') // <i>, <c.colour>, <00:00:01.000>, </v>; not a lone '<'
      .replace(/\{\\[^}\n]*\}/g, ''), // SSA overrides such as {\an8} in SRT
  )
    .replace(/[ \t]*\n[ \t]*/g, ' ')
    .trim();
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', lrm: '\u200e', rlm: '\u200f' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

export interface MergeRule {
  /** Merge cues only while the silence between them is shorter than this (seconds). */
  maxGap: number;
  /** Stop growing a turn once it has this many words. */
  maxWords: number;
  /** Named speakers' consecutive cues always merge (the limits then only start paragraphs). */
  limitNamedSpeakers: boolean;
}

/**
 * Consecutive cues of one speaker become one turn. Within a turn, cues are joined with a space,
 * or with "\n" (a new paragraph) where a limit is reached, so a long monologue stays readable.
 */
export function mergeCues(cues: Cue[], rule: MergeRule): DraftTurn[] {
  const turns: DraftTurn[] = [];
  let last: DraftTurn | null = null;
  let words = 0;
  for (const cue of cues) {
    if (cue.text === '') continue;
    const gap = last?.timeEnd != null ? cue.start - last.timeEnd : 0;
    const fits = gap < rule.maxGap && words < rule.maxWords;
    const limited = cue.speaker === null || rule.limitNamedSpeakers;
    if (last && last.speaker === cue.speaker && (fits || !limited)) {
      last.text += fits ? ` ${cue.text}` : `\n${cue.text}`;
      if (!fits) words = 0;
      if (cue.end !== null) last.timeEnd = Math.max(last.timeEnd ?? cue.end, cue.end);
    } else {
      last = { speaker: cue.speaker, text: cue.text, timeStart: cue.start, timeEnd: cue.end };
      turns.push(last);
      words = 0;
    }
    words += countWords(cue.text);
  }
  return turns;
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * A cue timing that ends before it starts (a broken caption file): kept, since the words are
 * real, with its end set to its start, and a warning naming the cue.
 */
export function checkCueOrder(name: string, line: number, start: number, end: number, warnings: string[]): number {
  if (end >= start) return end;
  warnings.push(
    `${name} (line ${line}): ends at ${end.toFixed(3)} s, before it starts at ${start.toFixed(3)} s; its end was set to its start`,
  );
  return start;
}
