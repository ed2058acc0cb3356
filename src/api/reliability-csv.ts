/**
 * `thematic reliability`'s door: agreement from a CSV table, with no project at all. Kept apart from
 * src/api/files.ts so the command loads only the few modules it needs (tests/cli/reliability-input.test.ts).
 */
export { decodeCsv, reliabilityFromCsv, type CsvReliability } from '../features/agreement/csv.ts';
