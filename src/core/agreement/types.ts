// Types shared by every agreement coefficient. Pure data: no database, no I/O.

/** One coder's value for one unit. `null` means the coder gave no value (missing). */
export type Value = string | number;
export type Cell = Value | null;

/**
 * Reliability data: rows are units of analysis, columns are coders.
 * `weights[i]` is the multiplicity of unit i (default 1): a unit of weight 5 counts exactly like
 * five identical units. Character-level data uses it so that a 10,000-character stretch with one
 * pattern of codes is one row, not 10,000.
 */
export interface ReliabilityData {
  coders: string[];
  units: Cell[][];
  weights?: number[];
}

export type Level = 'nominal' | 'ordinal' | 'interval' | 'ratio';
export type KappaWeighting = 'unweighted' | 'linear' | 'quadratic';

export type CoefficientName =
  'percent_agreement' | 'cohen_kappa' | 'scott_pi' | 'fleiss_kappa' | 'krippendorff_alpha' | 'gwet_ac1' | 'gwet_ac2' | 'brennan_prediger';

/**
 * What every coefficient returns. All chance-corrected coefficients here have the form
 * value = 1 - observedDisagreement / expectedDisagreement; for agreement-style coefficients
 * (kappa, pi, AC1, S) observedDisagreement = 1 - observedAgreement and likewise for expected.
 * For Krippendorff's alpha with an interval/ratio/ordinal metric the disagreements are not on a
 * 0..1 scale, so the agreement fields are null there.
 * `value` is NaN when the coefficient is undefined (e.g. every coder used one category only).
 */
export interface CoefficientResult {
  coefficient: CoefficientName;
  value: number;
  observedAgreement: number | null;
  expectedAgreement: number | null;
  observedDisagreement: number;
  expectedDisagreement: number;
  /** Pairable units used (sum of weights of units with enough values for the coefficient). */
  units: number;
  /** Coders that contributed at least one value. */
  coders: number;
  /** Categories (or distinct values) seen in the pairable units, in the order used. */
  categories: Value[];
}

export interface CohenResult extends CoefficientResult {
  coefficient: 'cohen_kappa';
  weighting: KappaWeighting;
  /** Cohen (1960) large-sample standard error (unweighted only; null otherwise). */
  standardError: number | null;
  /** Highest kappa the two coders' marginals allow (Cohen 1960). Unweighted only. */
  maxValue: number | null;
}

export interface FleissResult extends CoefficientResult {
  coefficient: 'fleiss_kappa';
  /** Fleiss (1971) kappa for each category against all others. */
  perCategory: Map<Value, number>;
  /** Standard error under the null hypothesis kappa = 0 (Fleiss, Nee & Landis 1979). */
  standardError: number;
  /** The standard error as printed in Fleiss (1971), before Fleiss, Nee & Landis corrected it. */
  standardError1971: number;
}

export interface AlphaResult extends CoefficientResult {
  coefficient: 'krippendorff_alpha';
  level: Level;
  /** Number of pairable values n.. (values in units with at least two values). */
  pairableValues: number;
  /** Coincidence matrix o_ck, indexed like `categories`. */
  coincidences: number[][];
}

export interface ConfidenceInterval {
  lower: number;
  upper: number;
  level: number;
  /** Bootstrap replicates that produced a defined value. */
  replicates: number;
  method: 'unit-bootstrap-percentile' | 'poisson-unit-bootstrap-percentile';
  seed: number;
}

/** A span on a document, [start, end) in UTF-16 offsets. */
export interface Span {
  start: number;
  end: number;
}

/** One coding as the agreement engine sees it. */
export interface Coding extends Span {
  coder: string;
  code: string;
}

/** One code's reliability data in one document, with where each unit lies. */
export interface CodeUnits {
  code: string;
  data: ReliabilityData;
  /** Where each unit lies; null for the pooled "nobody applied this code" unit. */
  spans: Array<Span | null>;
}
