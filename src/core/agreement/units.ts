// From codings on a document to reliability data, one data set per code. Values are 1 (the
// coder applied the code to the unit) or 0 (did not). Every listed coder is assumed to have
// coded the whole document, so there are no missing values.
//
// Units of analysis:
//  - character: each character is a unit; computed by sweeping span boundaries into stretches
//    of constant pattern, each one weighted unit (weight = its number of characters);
//  - turn / sentence: the given spans; a code is present if a coding overlaps the span;
//  - document: one unit; present if the coder applied the code anywhere;
//  - segment: see segment-units.ts (MAXQDA-style matching by overlap).
// Units where no coder applied the code are pooled into ONE weighted unit (weight = how many
// such units, or characters): coefficients treat weight w exactly like w identical units, and
// this keeps the cost proportional to the codings instead of the document length.
// excludeUncoded drops units (characters, turns, sentences) that no coder coded with ANY code:
// text nobody found relevant then counts neither as agreement nor as disagreement.
import { segmentUnits } from './segment-units.ts';
import type { Cell, CodeUnits, Coding, ReliabilityData, Span } from './types.ts';

export type UnitOfAnalysis = 'character' | 'turn' | 'sentence' | 'document' | 'segment';

export interface DocumentCodings {
  id?: string;
  length: number;
  turns?: Span[];
  sentences?: Span[];
  codings: Coding[];
}

export interface UnitOptions {
  unit: UnitOfAnalysis;
  coders: string[];
  /** Codes to analyse (default: every code used in the document). */
  codes?: string[];
  excludeUncoded?: boolean;
  /** Segment units only: minimum overlap (intersection / union) for a match. Default 0.9. */
  overlapThreshold?: number;
}

/** Union of all codings (any coder, any code) as sorted disjoint spans, with prefix lengths. */
export function codedCover(codings: Coding[], length: number) {
  const sorted = codings
    .map((c) => ({ start: Math.max(0, c.start), end: Math.min(length, c.end) }))
    .filter((c) => c.end > c.start)
    .sort((a, b) => a.start - b.start);
  const spans: Span[] = [];
  for (const s of sorted) {
    const last = spans[spans.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else spans.push({ ...s });
  }
  const before: number[] = [0];
  for (const s of spans) before.push(before[before.length - 1] + s.end - s.start);
  /** Coded characters in [a, b). */
  const coveredLength = (a: number, b: number) => coveredUpTo(b) - coveredUpTo(a);
  function coveredUpTo(x: number): number {
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid].start < x) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return 0;
    const s = spans[lo - 1];
    return before[lo - 1] + Math.min(x, s.end) - s.start;
  }
  return { spans, coveredLength };
}

class Builder {
  units: Cell[][] = [];
  weights: number[] = [];
  spans: Array<Span | null> = [];
  absent = 0;
  add(row: number[], weight: number, span: Span) {
    if (weight <= 0) return;
    if (row.every((v) => v === 0)) {
      this.absent += weight;
      return;
    }
    this.units.push(row);
    this.weights.push(weight);
    this.spans.push(span);
  }
  build(code: string, coders: string[]): CodeUnits {
    if (this.absent > 0) {
      this.units.push(coders.map(() => 0));
      this.weights.push(this.absent);
      this.spans.push(null);
    }
    return { code, data: { coders, units: this.units, weights: this.weights }, spans: this.spans };
  }
}

function characterUnits(doc: DocumentCodings, code: string, options: UnitOptions, cover: ReturnType<typeof codedCover>): CodeUnits {
  const coderIndex = new Map(options.coders.map((c, i) => [c, i]));
  const events: Array<[number, number, number]> = [];
  for (const c of doc.codings) {
    const i = coderIndex.get(c.coder);
    const s = Math.max(0, c.start);
    const e = Math.min(doc.length, c.end);
    if (c.code !== code || i === undefined || e <= s) continue;
    events.push([s, i, 1], [e, i, -1]);
  }
  events.sort((a, b) => a[0] - b[0]);
  const active = options.coders.map(() => 0);
  const out = new Builder();
  let prev = 0;
  const emit = (to: number) => {
    if (to <= prev) return;
    const row = active.map((n) => (n > 0 ? 1 : 0));
    const anyone = row.some((v) => v === 1);
    // A stretch where nobody applied this code may still hold other codes: count only those.
    const weight = options.excludeUncoded && !anyone ? cover.coveredLength(prev, to) : to - prev;
    out.add(row, weight, { start: prev, end: to });
  };
  for (let k = 0; k < events.length;) {
    const pos = events[k][0];
    emit(pos);
    while (k < events.length && events[k][0] === pos) {
      active[events[k][1]] += events[k][2];
      k++;
    }
    prev = Math.max(prev, pos);
  }
  emit(doc.length);
  return out.build(code, options.coders);
}

function spanUnits(
  doc: DocumentCodings,
  spansIn: Span[],
  code: string,
  options: UnitOptions,
  cover: ReturnType<typeof codedCover>,
): CodeUnits {
  const spans = [...spansIn].sort((a, b) => a.start - b.start);
  const coderIndex = new Map(options.coders.map((c, i) => [c, i]));
  const present = new Map<number, number[]>();
  // Largest span length bounds how far left an overlapping span can start.
  const maxLen = spans.reduce((m, s) => Math.max(m, s.end - s.start), 0);
  for (const c of doc.codings) {
    const i = coderIndex.get(c.coder);
    if (c.code !== code || i === undefined || c.end <= c.start) continue;
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid].start < c.start - maxLen) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < spans.length && spans[k].start < c.end; k++) {
      if (spans[k].end <= c.start) continue;
      let row = present.get(k);
      if (!row) present.set(k, (row = options.coders.map(() => 0)));
      row[i] = 1;
    }
  }
  const out = new Builder();
  spans.forEach((s, k) => {
    const row = present.get(k);
    if (row) out.add(row, 1, s);
    else if (!options.excludeUncoded || cover.coveredLength(s.start, s.end) > 0) out.absent += 1;
  });
  return out.build(code, options.coders);
}

/** Reliability data for each code of one document at the chosen unit of analysis. */
export function unitsForDocument(doc: DocumentCodings, options: UnitOptions): CodeUnits[] {
  const codes = options.codes ?? [...new Set(doc.codings.map((c) => c.code))].sort();
  const relevant = doc.codings.filter((c) => options.coders.includes(c.coder));
  const cover = codedCover(relevant, doc.length);
  const d = { ...doc, codings: relevant };
  return codes.map((code) => {
    switch (options.unit) {
      case 'character':
        return characterUnits(d, code, options, cover);
      case 'turn':
      case 'sentence': {
        const spans = options.unit === 'turn' ? doc.turns : doc.sentences;
        if (!spans) throw new RangeError(`unit '${options.unit}' needs the document's ${options.unit}s`);
        return spanUnits(d, spans, code, options, cover);
      }
      case 'document':
        return spanUnits(d, [{ start: 0, end: doc.length }], code, options, cover);
      case 'segment':
        return segmentUnits(d.codings, code, options.coders, options.overlapThreshold ?? 0.9);
    }
  });
}
