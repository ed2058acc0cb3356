// Every applicable coefficient for one set of reliability data, with a bootstrap interval each.
// Shared by `thematic reliability` (any data) and agreement.compute (codings): one place decides
// which coefficients apply and how they are reported, so the two outputs read the same way.
import {
  bootstrapInterval, brennanPrediger, cohenKappa, fleissKappa, gwetAC1, krippendorffAlpha, percentAgreement, scottPi,
  type CoefficientResult, type Level, type ReliabilityData, type Value,
} from '../agreement/index.ts';

export interface Interval { lower: number | null; upper: number | null; level: number; replicates: number }

export interface CoefficientSummary {
  coefficient: string;
  value: number | null;
  observedAgreement: number | null;
  expectedAgreement: number | null;
  observedDisagreement: number | null;
  expectedDisagreement: number | null;
  /** Pairable units the coefficient used (sum of unit weights). */
  units: number;
  ci: Interval | null;
}

export interface SummaryOptions {
  level?: Level;
  /** Full category list (e.g. [0, 1] for present/absent) so unused categories still count. */
  categories?: Value[];
  /** Bootstrap replicates per coefficient; 0 = no interval. */
  bootstrap?: number;
  seed?: number;
}

/** NaN (coefficient undefined, e.g. no variation) becomes null so JSON says so plainly. */
export const finite = (x: number | null | undefined): number | null => (x === null || x === undefined || !Number.isFinite(x) ? null : x);

type Fn = (d: ReliabilityData) => CoefficientResult;

/** The coefficients that apply: Cohen and Scott need exactly two coders; weighted kappa a non-nominal level. */
export function coefficientsFor(coders: number, o: SummaryOptions): Array<[string, Fn]> {
  const level = o.level ?? 'nominal';
  const categories = o.categories;
  const list: Array<[string, Fn]> = [['percent_agreement', (d) => percentAgreement(d, { categories })]];
  if (coders === 2) {
    list.push(['cohen_kappa', (d) => cohenKappa(d, { categories })]);
    if (level !== 'nominal') {
      // Ordinal -> linear weights, interval/ratio -> quadratic (Cohen 1968; Fleiss & Cohen 1973).
      const weighting = level === 'ordinal' ? 'linear' : 'quadratic';
      list.push([`cohen_kappa_${weighting}`, (d) => cohenKappa(d, { categories, weighting })]);
    }
    list.push(['scott_pi', (d) => scottPi(d, { categories })]);
  }
  list.push(
    ['fleiss_kappa', (d) => fleissKappa(d, { categories })],
    [`krippendorff_alpha_${level}`, (d) => krippendorffAlpha(d, { level, categories })],
    ['gwet_ac1', (d) => gwetAC1(d, { categories })],
    ['brennan_prediger', (d) => brennanPrediger(d, { categories })],
  );
  return list;
}

export function summarize(data: ReliabilityData, o: SummaryOptions = {}): CoefficientSummary[] {
  const replicates = o.bootstrap ?? 1000;
  return coefficientsFor(data.coders.length, o).map(([name, fn]) => {
    let r: CoefficientResult;
    try { r = fn(data); } catch { return empty(name); }
    let ci: Interval | null = null;
    if (replicates > 0 && Number.isFinite(r.value)) {
      const b = bootstrapInterval(data, (s) => { try { return fn(s).value; } catch { return NaN; } }, { n: replicates, seed: o.seed ?? 1 });
      ci = { lower: finite(b.lower), upper: finite(b.upper), level: b.level, replicates: b.replicates };
    }
    return {
      coefficient: name, value: finite(r.value),
      observedAgreement: finite(r.observedAgreement), expectedAgreement: finite(r.expectedAgreement),
      observedDisagreement: finite(r.observedDisagreement), expectedDisagreement: finite(r.expectedDisagreement),
      units: Number.isFinite(r.units) ? r.units : 0, ci,
    };
  });
}

const empty = (coefficient: string): CoefficientSummary => ({
  coefficient, value: null, observedAgreement: null, expectedAgreement: null, observedDisagreement: null, expectedDisagreement: null, units: 0, ci: null,
});

/** Total weight of the data's units (every row, pairable or not). */
export const unitTotal = (d: ReliabilityData): number => (d.weights ? d.weights.reduce((a, b) => a + b, 0) : d.units.length);
