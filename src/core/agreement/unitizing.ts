// Krippendorff's unitizing alphas of Krippendorff, Mathet, Bouvry & Widlöcher (2016) and
// Krippendorff (2019, sec. 12.6): u-alpha (uα), binary |u-alpha (|uα) and cu-alpha (cuα).
//
// Each coder partitions the continuum into coded sections and gaps (value phi). Observed
// coincidences l_ck are the lengths of intersections of coder i's sections valued c with coder
// j's sections valued k, over ordered pairs i != j, divided by (m - 1) so that l.. = m L (eq. 32).
// Expected coincidences correct the marginal products for a section pairing with itself
// (eq. 33): e_ck = (l_c. l_.k - [c = k] S_c) / (l.. - S / l..), with S_c summing, over coders'
// sections valued c, the section length for gaps and the squared length for coded sections.
// This reading of eq. 33 is quallmer's (R), which reproduces the book's Fig. 12.11 values.
// The sweep visits sorted section boundaries only: cost grows with codings, not characters.
import { partition, type Continuum, type Section } from './sections.ts';
import type { Coding } from './types.ts';

export type UnitizingCoefficient = 'u_alpha' | 'binary_u_alpha' | 'cu_alpha';

export interface UnitizingResult {
  coefficient: UnitizingCoefficient;
  value: number;
  /** Share of the continuum's pairable length in disagreement (D_o / l..). */
  observedDisagreement: number;
  expectedDisagreement: number;
  coders: number;
  length: number;
  /** Values (codes) seen, phi excluded. */
  categories: string[];
  /** Sections over all coders: the size of the computation (O(codings)). */
  sections: number;
}

interface Coincidences {
  values: Array<string | null>;
  observed: number[][];
  expected: number[][];
  sections: number;
}

function coincidences(continuum: Continuum, coders: string[], codings: Coding[]): Coincidences {
  const parts: Section[][] = coders.map((coder) =>
    partition(
      codings.filter((c) => c.coder === coder),
      continuum,
    ),
  );
  const codes = [...new Set(parts.flatMap((p) => p.filter((s) => s.value !== null).map((s) => s.value as string)))].sort();
  const values: Array<string | null> = [null, ...codes];
  const index = new Map<string | null, number>(values.map((v, i) => [v, i]));
  const q = values.length;
  const m = coders.length;
  const observed = values.map(() => new Array<number>(q).fill(0));

  // Elementary stretches between consecutive boundaries of any coder.
  const cursor = new Array<number>(m).fill(0);
  let pos = continuum.begin ?? 0;
  const end = pos + continuum.length;
  while (pos < end) {
    let next = end;
    for (let i = 0; i < m; i++) next = Math.min(next, parts[i][cursor[i]].end);
    const len = next - pos;
    for (let i = 0; i < m; i++) {
      const vi = index.get(parts[i][cursor[i]].value)!;
      for (let j = 0; j < m; j++) if (j !== i) observed[vi][index.get(parts[j][cursor[j]].value)!] += len;
    }
    for (let i = 0; i < m; i++) if (parts[i][cursor[i]].end === next) cursor[i]++;
    pos = next;
  }
  for (const row of observed) for (let k = 0; k < q; k++) row[k] /= m - 1;

  const self = new Array<number>(q).fill(0);
  for (const p of parts) {
    for (const s of p) {
      const len = s.end - s.start;
      self[index.get(s.value)!] += s.value === null ? len : len * len;
    }
  }
  const selfTotal = self.reduce((a, b) => a + b, 0);
  const rows = observed.map((r) => r.reduce((a, b) => a + b, 0));
  const cols = values.map((_, k) => observed.reduce((a, r) => a + r[k], 0));
  const total = rows.reduce((a, b) => a + b, 0);
  const denominator = total - selfTotal / total;
  const expected = values.map((_, c) => values.map((__, k) => (rows[c] * cols[k] - (c === k ? self[c] : 0)) / denominator));
  return { values, observed, expected, sections: parts.reduce((s, p) => s + p.length, 0) };
}

function offDiagonal(matrix: number[][], keep: (c: number) => boolean): { off: number; total: number } {
  let off = 0;
  let total = 0;
  matrix.forEach((row, c) =>
    row.forEach((x, k) => {
      if (!keep(c) || !keep(k)) return;
      total += x;
      if (c !== k) off += x;
    }),
  );
  return { off, total };
}

function result(
  coefficient: UnitizingCoefficient,
  dO: number,
  dE: number,
  base: Coincidences,
  coders: number,
  length: number,
): UnitizingResult {
  return {
    coefficient,
    value: !(dE > 0) ? NaN : 1 - dO / dE,
    observedDisagreement: dO,
    expectedDisagreement: dE,
    coders,
    length,
    categories: base.values.filter((v): v is string => v !== null),
    sections: base.sections,
  };
}

/** uα: nominal differences among all codes and phi. */
export function uAlpha(continuum: Continuum, coders: string[], codings: Coding[]): UnitizingResult {
  const base = coincidences(continuum, coders, codings);
  const o = offDiagonal(base.observed, () => true);
  const e = offDiagonal(base.expected, () => true);
  return result('u_alpha', o.off / o.total, e.off / o.total, base, coders.length, continuum.length);
}

/** |uα: only whether text was coded at all (any code vs phi): the reliability of unitizing. */
export function binaryUAlpha(continuum: Continuum, coders: string[], codings: Coding[]): UnitizingResult {
  const base = coincidences(continuum, coders, codings);
  const collapse = (mx: number[][]) => {
    let mixed = 0;
    mx.forEach((row, c) => row.forEach((x, k) => ((c === 0) !== (k === 0) ? (mixed += x) : 0)));
    return mixed;
  };
  const total = offDiagonal(base.observed, () => true).total;
  return result('binary_u_alpha', collapse(base.observed) / total, collapse(base.expected) / total, base, coders.length, continuum.length);
}

/**
 * cuα: agreement on which code, where both coders coded something. Our reading of sec. 12.6:
 * the coincidences among codes only (phi row and column removed), with expected coincidences
 * from their marginals, l'_c. l'_.k / l'.. (no finite-sample correction: lengths, not counts).
 * No published value was available to check it against.
 */
export function cuAlpha(continuum: Continuum, coders: string[], codings: Coding[]): UnitizingResult {
  const base = coincidences(continuum, coders, codings);
  const coded = (c: number) => c !== 0;
  const o = offDiagonal(base.observed, coded);
  const q = base.values.length;
  const rows = base.observed.map((r) => r.reduce((a, x, k) => a + (coded(k) ? x : 0), 0));
  let expectedOff = 0;
  for (let c = 1; c < q; c++) for (let k = 1; k < q; k++) if (c !== k) expectedOff += (rows[c] * rows[k]) / (o.total * o.total);
  return result('cu_alpha', o.total === 0 ? NaN : o.off / o.total, expectedOff, base, coders.length, continuum.length);
}

/** uα for one code on its own (its codings against phi): per-code unitizing reliability. */
export function uAlphaForCode(continuum: Continuum, coders: string[], codings: Coding[], code: string): UnitizingResult {
  return uAlpha(
    continuum,
    coders,
    codings.filter((c) => c.code === code),
  );
}
