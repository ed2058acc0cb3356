// The agreement engine: pure functions from reliability data (or codings) to coefficients.
export type * from './types.ts';
export * from './reliability-data.ts';
export { percentAgreement } from './percent.ts';
export { cohenKappa, type CohenOptions } from './cohen.ts';
export { scottPi } from './scott.ts';
export { fleissKappa } from './fleiss.ts';
export { krippendorffAlpha, krippendorffAlphaForCategory, coincidenceMatrix } from './krippendorff.ts';
export { gwetAC, gwetAC1 } from './gwet.ts';
export { brennanPrediger } from './brennan-prediger.ts';
export { bootstrapInterval, normalInterval, seededRandom, type BootstrapOptions } from './bootstrap.ts';
export { uAlpha, binaryUAlpha, cuAlpha, uAlphaForCode, type UnitizingResult } from './unitizing.ts';
export { unitizingAlpha1995, unitizingAlpha1995Overall, type Unitizing1995Result } from './unitizing-1995.ts';
export { partition, type Continuum, type Section } from './sections.ts';
export { unitsForDocument, codedCover, type UnitOfAnalysis, type DocumentCodings, type UnitOptions } from './units.ts';
export { segmentUnits, overlapRatio, requalOverlapShares } from './segment-units.ts';
export { agreementPerCode, agreementPerDocument, agreementPerGroup, agreementOverall } from './aggregate.ts';
export {
  patternTable,
  patternCount,
  layout,
  stats,
  finish,
  coefficientSpecs,
  needsOf,
  type PatternTable,
  type Layout,
  type StatsNeeds,
  type Estimate,
  type CoefficientSpec,
  type CoefficientKind,
} from './sufficient.ts';
export {
  analyticInterval,
  patternBootstrap,
  clusterBootstrap,
  clusterDraws,
  krippendorffBootstrap,
  type AnalyticInterval,
  type BootstrapResult,
  type Clusters,
  type KrippendorffBootstrap,
} from './intervals.ts';
export { binomial, multinomial, tCritical, zCritical, studentCdf } from './sampling.ts';
