import { CLOCK_PATTERN as TIME, parseClock } from './clock.ts';
import { TranscriptImportError, reasonOf } from '../../../lib/import-error.ts';
import type { ImportOptions } from './types.ts';

/** A speaker label found at the start of a line, and what follows it on that line. */
export interface LabelMatch {
  speaker: string;
  time: number | null;
  rest: string;
}

interface Candidate extends LabelMatch {
  key: string;
  bracketed: boolean;
  /** "Name  0:03" on a line of its own, which is easily a heading or a note with a time. */
  headerLine: boolean;
}

// A label names a person, a role or an id: up to four words, no sentence punctuation.
const WORD = String.raw`(?:(?:Dr|Mr|Mrs|Ms|Mx|Prof|Rev|Sr|Jr|St|\p{Lu})\.|[\p{L}\p{N}][\p{L}\p{M}\p{N}'’_\-]*)`;
const NAME = String.raw`(?<name>${WORD}(?:[ \t]+${WORD}){0,3})`;
const LEAD_TIME = String.raw`(?:[\[(]?(?<leadTime>${TIME})[\])]?[ \t]+)?`;
const PAREN = String.raw`(?:[ \t]*\((?<paren>[^()\n]{1,40})\))?`;
const TRAIL_TIME = String.raw`(?:[ \t]*[\[(](?<trailTime>${TIME})[\])])?`;
const EM = String.raw`(?<em>\*\*|__|\*|_)?`; // markdown emphasis around the label only

// "P4:", "**P4:**", "**P4**:", "Dr. Smith (00:01:23):", "[00:01:23] P4:", "P4 (patient):"
const COLON_LABEL = new RegExp(
  String.raw`^[ \t]*${LEAD_TIME}${EM}${NAME}${PAREN}${TRAIL_TIME}[ \t]*(?:\k<em>[ \t]*:|:[ \t]*\k<em>)(?=\s|$)`,
  'u',
);
// "[P4] text", "[id1]: text", "[Dr. Smith 00:01:23] text"
const BRACKET_LABEL = new RegExp(
  String.raw`^[ \t]*${LEAD_TIME}${EM}\[${NAME}${PAREN}(?:[ \t]+(?<trailTime>${TIME}))?\]\k<em>[ \t]*:?(?=\s|$)`,
  'u',
);
// Otter-style header line: "Speaker 1  0:03", the words follow on the next lines.
const HEADER_LINE = new RegExp(String.raw`^[ \t]*${NAME}[ \t]+(?<trailTime>${TIME})[ \t]*$`, 'u');

// Forms that are labels even when they occur only once.
const STRONG =
  /^(?:[A-Z]{1,3}\d{1,3}|(?:participant|interviewer|interviewee|speaker|respondent|moderator|facilitator|researcher|patient|unknown speaker)(?:[ _-]?[A-Z0-9]{1,3})?|[QAIR])$/i;
// Words that start a "Word:" line in running text or headers, and stage directions in brackets.
const NOT_SPEAKERS = new Set(
  (
    'note notes nb ps example examples e.g. i.e. warning important summary date time location place duration ' +
    'title subject re tip update source see edit figure table step total transcript interview recording ' +
    'project study topic topics keywords also however so well yes no then and but because or if when ' +
    'inaudible laughs laughter laughing crosstalk cross-talk pause silence unclear overlapping overtalk ' +
    'music applause sic sighs coughs redacted unintelligible interruption end break'
  ).split(' '),
);

/**
 * For each line, the speaker label it starts with, or null. A user pattern replaces detection.
 * Detected labels are accepted only when they look like an id or role, or recur in the file,
 * because a single "Well, here's the thing:" is more likely speech than a speaker.
 */
export function findSpeakerLabels(file: string, lines: string[], opts: ImportOptions = {}): (LabelMatch | null)[] {
  if (opts.speakerPattern !== undefined) return applyUserPattern(lines, compileSpeakerPattern(file, opts.speakerPattern));
  const candidates = lines.map(readLabel);
  const counts = new Map<string, number>();
  for (const c of candidates) if (c) counts.set(c.key, (counts.get(c.key) ?? 0) + 1);
  const accepted = candidates.map((c) => (c && isAcceptable(c, counts.get(c.key) ?? 0) ? c : null));
  // Once a file is known to use labels, a name that speaks only once ("John Baker:") counts too.
  const usesLabels = accepted.some((c) => c !== null);
  return candidates.map((c, i) => {
    const ok = accepted[i] ?? (c && usesLabels && looksLikeName(c) ? c : null);
    return ok ? { speaker: ok.speaker, time: ok.time, rest: ok.rest } : null;
  });
}

function looksLikeName(c: Candidate): boolean {
  if (c.headerLine) return false;
  const words = c.key.replace(/ \(.*$/, '').split(' ');
  if (words.length > 3 || words.some((w) => NOT_SPEAKERS.has(w))) return false;
  return c.speaker
    .replace(/ \(.*$/, '')
    .split(' ')
    .every((w) => /^[\p{Lu}\p{N}]/u.test(w));
}

function isAcceptable(c: Candidate, count: number): boolean {
  const name = c.key.replace(/ \(.*$/, '');
  if (STRONG.test(name)) return true;
  if (count < 2) return false;
  const firstWord = name.split(' ')[0] ?? '';
  if (NOT_SPEAKERS.has(name) || NOT_SPEAKERS.has(firstWord)) return false;
  const first = c.speaker.charAt(0);
  const capitalised = first !== first.toLowerCase() || /\d/.test(first);
  return capitalised || (c.bracketed && /\d/.test(name));
}

export function readLabel(line: string): Candidate | null {
  const bracket = BRACKET_LABEL.exec(line);
  const colon = bracket ?? COLON_LABEL.exec(line);
  const m = colon ?? HEADER_LINE.exec(line);
  if (!m || !m.groups) return null;
  const g = m.groups;
  const name = (g.name ?? '').replace(/\s+/g, ' ').trim();
  const parenIsTime = g.paren !== undefined && parseClock(g.paren) !== null;
  const role = g.paren !== undefined && !parenIsTime ? g.paren.trim() : '';
  const timeText = g.leadTime ?? g.trailTime ?? (parenIsTime ? g.paren : undefined);
  const speaker = role ? `${name} (${role})` : name;
  return {
    speaker,
    key: name.toLowerCase(),
    time: timeText === undefined ? null : parseClock(timeText),
    rest: line.slice(m[0].length).replace(/^[ \t]+/, ''),
    bracketed: bracket !== null,
    headerLine: colon === null,
  };
}

/** Accepts "pattern" or "/pattern/flags"; matching is anchored at the start of each line. */
export function compileSpeakerPattern(file: string, pattern: string): RegExp {
  const literal = /^\/(.*)\/([a-z]*)$/s.exec(pattern);
  const source = literal ? literal[1] : pattern;
  const flags = (literal ? literal[2] : '').replace(/[gy]/g, '') + 'y';
  let re: RegExp;
  try {
    re = new RegExp(source, flags);
  } catch (error) {
    throw new TranscriptImportError(file, `invalid speaker pattern (${reasonOf(error)})`);
  }
  if (!/\(\?<speaker>/.test(source)) {
    throw new TranscriptImportError(file, 'invalid speaker pattern (it needs a named group (?<speaker>...))');
  }
  return re;
}

function applyUserPattern(lines: string[], re: RegExp): (LabelMatch | null)[] {
  return lines.map((line) => {
    re.lastIndex = 0;
    const m = re.exec(line);
    const speaker = m?.groups?.speaker?.replace(/\s+/g, ' ').trim();
    if (!m || !speaker) return null;
    const rest = m.groups?.text ?? line.slice(m[0].length);
    return { speaker, time: null, rest: rest.replace(/^[ \t]+/, '') };
  });
}
