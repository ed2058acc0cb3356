// Units of analysis for a whole project, fast: the engine's unitsForDocument does the work, but
// only for the codes a document actually holds and only over the turns/sentences those codings
// touch; every other unit is an agreed absence, counted, not listed. Rows with the same pattern
// are then merged into one weighted row (the engine treats weight w exactly like w identical
// units, and the Poisson bootstrap of a merged row equals that of its w units), so pooling and
// coefficients cost O(patterns), not O(units). Same numbers as the engine's own aggregate.ts
// (tests/api/agreement-units.test.ts checks it); the engine's per-code loop rescans every coding
// and turn of a document for each code, which is what made 200 codes x 500 documents slow.
import {
  codedCover,
  unitsForDocument,
  type Cell,
  type Clusters,
  type Coding,
  type ReliabilityData,
  type Span,
  type UnitOfAnalysis,
} from '../../core/agreement/index.ts';
import type { ProjectDocument } from './data.ts';

/**
 * Identical rows merged: pattern -> total weight, and per cluster (document) its own weight of
 * each pattern, for the cluster bootstrap. Rows of one cluster must arrive together.
 */
export class Pooled {
  readonly rows = new Map<number | string, { row: Cell[]; weight: number; index: number }>();
  private readonly clusterOf: number[] = [];
  private readonly pattern: number[] = [];
  private readonly amount: number[] = [];
  private current = -1;
  private blockStart = 0;
  /** A negative cluster adds to the totals only (see clusterBootstrap's `absent`). */
  add(row: Cell[], weight: number, cluster = 0) {
    if (weight <= 0) return;
    const key = patternKey(row);
    let r = this.rows.get(key);
    if (r) r.weight += weight;
    else this.rows.set(key, (r = { row, weight, index: this.rows.size }));
    if (cluster < 0) return;
    if (cluster !== this.current) {
      this.current = cluster;
      this.blockStart = this.pattern.length;
    }
    for (let e = this.blockStart; e < this.pattern.length; e++) {
      if (this.pattern[e] === r.index) {
        this.amount[e] += weight;
        return;
      }
    }
    this.clusterOf.push(cluster);
    this.pattern.push(r.index);
    this.amount.push(weight);
  }
  data(coders: string[]): ReliabilityData {
    const list = [...this.rows.values()];
    return { coders, units: list.map((r) => r.row), weights: list.map((r) => r.weight) };
  }
  /** The clusters 0 .. count - 1 (those without rows are empty) over the patterns in data() order. */
  clusters(count: number): Clusters {
    const order = this.clusterOf.map((_, i) => i).sort((a, b) => this.clusterOf[a] - this.clusterOf[b] || a - b);
    const start = new Int32Array(count + 1);
    for (const c of this.clusterOf) start[c + 1]++;
    for (let d = 0; d < count; d++) start[d + 1] += start[d];
    return {
      count,
      start,
      pattern: Int32Array.from(order, (i) => this.pattern[i]),
      weight: Float64Array.from(order, (i) => this.amount[i]),
    };
  }
}

/** Present/absent rows (the hot case) key as a bit pattern; anything else as joined text. */
function patternKey(row: Cell[]): number | string {
  if (row.length > 30) return row.join('\u0000');
  let bits = 1;
  for (const v of row) {
    if (v !== 0 && v !== 1) return row.join('\u0000');
    bits = (bits << 1) | v;
  }
  return bits;
}

export interface UnitRequest {
  unit: UnitOfAnalysis;
  coders: string[];
  codes: string[];
  excludeUncoded?: boolean;
  threshold?: number;
}

/** Spans (sorted by start) that overlap any of the codings, each once, in order. */
function touched(spans: Span[], maxLen: number, codings: Coding[]): Span[] {
  const hit = new Set<number>();
  for (const c of codings) {
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid].start < c.start - maxLen) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < spans.length && spans[k].start < c.end; k++) if (spans[k].end > c.start && c.end > c.start) hit.add(k);
  }
  return [...hit].sort((a, b) => a - b).map((k) => spans[k]);
}

/**
 * Calls `emit(code, row, weight)` for every unit pattern of one document, absences included, and
 * returns how many units each code has in the document.
 * The engine's semantics: with excludeUncoded, characters/spans that no chosen coder coded with
 * any code are left out.
 */
export function documentUnits(doc: ProjectDocument, r: UnitRequest, emit: (code: string, row: Cell[], weight: number) => void): number {
  const byCode = new Map<string, Coding[]>();
  for (const c of doc.codings) {
    const list = byCode.get(c.code);
    if (list) list.push(c);
    else byCode.set(c.code, [c]);
  }
  const zero = r.coders.map(() => 0);
  const spans = r.unit === 'turn' ? doc.turns : r.unit === 'sentence' ? doc.sentences : undefined;
  if ((r.unit === 'turn' || r.unit === 'sentence') && !spans) throw new RangeError(`unit '${r.unit}' needs the document's ${r.unit}s`);
  const sorted = spans ? [...spans].sort((a, b) => a.start - b.start) : [];
  const maxLen = sorted.reduce((m, s) => Math.max(m, s.end - s.start), 0);
  // How many units there are in all (or, excluding uncoded text, how many hold any coding).
  let base: number;
  if (r.unit === 'segment') base = 0;
  else if (!r.excludeUncoded) base = r.unit === 'character' ? doc.length : r.unit === 'document' ? 1 : sorted.length;
  else {
    const cover = codedCover(doc.codings, doc.length);
    base =
      r.unit === 'character'
        ? cover.coveredLength(0, doc.length)
        : r.unit === 'document'
          ? cover.spans.length
            ? 1
            : 0
          : sorted.filter((s) => cover.coveredLength(s.start, s.end) > 0).length;
  }
  for (const code of r.codes) {
    const codings = byCode.get(code);
    if (!codings) {
      if (base > 0) emit(code, zero, base);
      continue;
    }
    const sub = {
      id: doc.id,
      length: doc.length,
      codings,
      turns: r.unit === 'turn' ? touched(sorted, maxLen, codings) : undefined,
      sentences: r.unit === 'sentence' ? touched(sorted, maxLen, codings) : undefined,
    };
    const [u] = unitsForDocument(sub, { unit: r.unit, coders: r.coders, codes: [code], overlapThreshold: r.threshold });
    let present = 0;
    u.data.units.forEach((row, i) => {
      const w = u.data.weights ? u.data.weights[i] : 1;
      if (r.unit === 'segment' || row.some((v) => v !== 0)) {
        emit(code, row, w);
        present += w;
      }
    });
    if (r.unit !== 'segment' && base - present > 0) emit(code, zero, base - present);
  }
  // Every code has this many units in the document (0 for segments, which have no agreed absences).
  return base;
}
