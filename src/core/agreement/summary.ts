// Every applicable coefficient for one set of reliability data, with its intervals. Shared by
// `thematic reliability` (any data) and agreement.compute (codings): one place decides which
// coefficients apply and how they are reported, so the two outputs read the same way.
// Everything is computed from the unit patterns and their counts (agreement/sufficient.ts).
// Imported file by file, not from the engine's index: `thematic reliability` loads only what it uses.
import {
  coefficientSpecs,
  finish,
  layout,
  needsOf,
  patternTable,
  stats,
  type CoefficientSpec,
  type Layout,
  type PatternTable,
} from './sufficient.ts';
import { analyticInterval, krippendorffBootstrap, patternBootstrap, type BootstrapResult } from './intervals.ts';
import type { Level, ReliabilityData, Value } from './types.ts';

export interface Interval {
  lower: number | null;
  upper: number | null;
  level: number;
  replicates: number;
  /** How the interval was made (unit bootstrap over patterns, cluster bootstrap over documents, ...). */
  method: string;
  seed: number;
  /** A caveat, e.g. too few documents for a cluster bootstrap to say anything. */
  note?: string;
}

export interface AnalyticSummary {
  se: number;
  lower: number;
  upper: number;
  level: number;
  method: string;
}

export interface KrippendorffBootstrapSummary extends Interval {
  pairs: number;
  qBelow: { min: number; q: number } | null;
}

export interface CoefficientSummary {
  coefficient: string;
  value: number | null;
  /** Why the value is null: the coefficient is undefined for these data (never NaN). */
  undefinedReason?: string;
  observedAgreement: number | null;
  expectedAgreement: number | null;
  observedDisagreement: number | null;
  expectedDisagreement: number | null;
  /** Pairable units the coefficient used (sum of unit weights). */
  units: number;
  /** The bootstrap interval (null without replicates or when the coefficient is undefined). */
  ci: Interval | null;
  /** Standard error and interval from the coefficient's variance formula (null where none applies). */
  analytic: AnalyticSummary | null;
  /** Krippendorff's alpha only, when asked for: Hayes & Krippendorff's (2007) bootstrap. */
  krippendorffBootstrap?: KrippendorffBootstrapSummary | null;
}

export interface SummaryOptions {
  level?: Level;
  /** Full category list (e.g. [0, 1] for present/absent) so unused categories still count. */
  categories?: Value[];
  /** Bootstrap replicates; 0 = no bootstrap interval. */
  bootstrap?: number;
  seed?: number;
  /** Analytic standard errors and intervals (default true). */
  analytic?: boolean;
  /** Hayes & Krippendorff's bootstrap for alpha, with q(alpha < min) when min is given. */
  krippendorff?: { min?: number };
}

/** NaN (coefficient undefined, e.g. no variation) becomes null so JSON says so plainly. */
export const finite = (x: number | null | undefined): number | null => (x === null || x === undefined || !Number.isFinite(x) ? null : x);

const interval = (b: Omit<BootstrapResult, 'seed'>, seed: number, note?: string): Interval => ({
  lower: finite(b.lower),
  upper: finite(b.upper),
  level: b.level,
  replicates: b.replicates,
  method: b.method,
  seed,
  ...(note ? { note } : {}),
});

export interface Prepared {
  table: PatternTable;
  specs: CoefficientSpec[];
  L: Layout;
  s: Float64Array;
}

/** The pattern table, the coefficients that apply and the statistics vector of the data. */
export function prepare(data: ReliabilityData, o: SummaryOptions = {}): Prepared {
  const table = patternTable(data, o.categories);
  const specs = coefficientSpecs(data.coders.length, o.level ?? 'nominal');
  const L = layout(table, needsOf(specs, data.coders.length));
  return { table, specs, L, s: stats(table, L) };
}

/** Summaries from prepared data and bootstrap intervals (one per spec, or null). */
export function summaries(p: Prepared, cis: Array<Interval | null>, o: SummaryOptions = {}): CoefficientSummary[] {
  return p.specs.map((spec, i) => {
    const e = finish(spec, p.table, p.L, p.s);
    const defined = Number.isFinite(e.value);
    const a = defined && o.analytic !== false ? analyticInterval(spec, p.table, p.L, p.s, e) : null;
    const out: CoefficientSummary = {
      coefficient: spec.name,
      value: finite(e.value),
      ...(defined ? {} : { undefinedReason: e.undefinedReason ?? 'undefined for these data' }),
      observedAgreement: finite(e.observedAgreement),
      expectedAgreement: finite(e.expectedAgreement),
      observedDisagreement: finite(e.observedDisagreement),
      expectedDisagreement: finite(e.expectedDisagreement),
      units: Number.isFinite(e.units) ? e.units : 0,
      ci: defined ? cis[i] : null,
      analytic: a,
    };
    if (spec.kind === 'krippendorff_alpha' && o.krippendorff) {
      const k = krippendorffBootstrap(p.table, spec, { replicates: o.bootstrap || 1000, seed: o.seed ?? 1, min: o.krippendorff.min });
      out.krippendorffBootstrap = k ? { ...interval(k, k.seed), pairs: k.pairs, qBelow: k.qBelow } : null;
    }
    return out;
  });
}

/** Every coefficient with its analytic interval and a unit bootstrap over the patterns. */
export function summarize(data: ReliabilityData, o: SummaryOptions = {}): CoefficientSummary[] {
  const p = prepare(data, o);
  const replicates = o.bootstrap ?? 1000;
  const seed = o.seed ?? 1;
  const boot = replicates > 0 ? patternBootstrap(p.table, p.specs, p.L, { replicates, seed }) : null;
  return summaries(
    p,
    p.specs.map((_, i) => (boot ? interval(boot[i], seed) : null)),
    o,
  );
}

/** Total weight of the data's units (every row, pairable or not). */
export const unitTotal = (d: ReliabilityData): number => (d.weights ? d.weights.reduce((a, b) => a + b, 0) : d.units.length);
