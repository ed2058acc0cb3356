// Pooling unit-level data per code, per document and overall. Pooling concatenates units (each
// unit-and-code decision counts once), so "overall" is one coefficient over every decision, not
// an average of per-code coefficients (which would weigh rare codes like frequent ones).
import { concatData } from './reliability-data.ts';
import type { ReliabilityData } from './types.ts';
import { unitsForDocument, type DocumentCodings, type UnitOptions } from './units.ts';

export interface Grouped<T> {
  key: string;
  data: ReliabilityData;
  result: T;
}

function byKey(entries: Array<[string, ReliabilityData]>): Map<string, ReliabilityData[]> {
  const out = new Map<string, ReliabilityData[]>();
  for (const [k, d] of entries) {
    const list = out.get(k);
    if (list) list.push(d);
    else out.set(k, [d]);
  }
  return out;
}

function entries(documents: DocumentCodings[], options: UnitOptions): Array<{ doc: string; code: string; data: ReliabilityData }> {
  const codes = options.codes ?? [...new Set(documents.flatMap((d) => d.codings.map((c) => c.code)))].sort();
  return documents.flatMap((doc, i) =>
    unitsForDocument(doc, { ...options, codes }).map((u) => ({ doc: doc.id ?? String(i), code: u.code, data: u.data })),
  );
}

function evaluate<T>(groups: Map<string, ReliabilityData[]>, coefficient: (d: ReliabilityData) => T): Array<Grouped<T>> {
  return [...groups].map(([key, parts]) => {
    const data = concatData(parts);
    return { key, data, result: coefficient(data) };
  });
}

export function agreementPerCode<T>(documents: DocumentCodings[], options: UnitOptions, coefficient: (d: ReliabilityData) => T) {
  return evaluate(byKey(entries(documents, options).map((e) => [e.code, e.data])), coefficient);
}

export function agreementPerDocument<T>(documents: DocumentCodings[], options: UnitOptions, coefficient: (d: ReliabilityData) => T) {
  return evaluate(byKey(entries(documents, options).map((e) => [e.doc, e.data])), coefficient);
}

/** Groups of documents, e.g. by participant group ("patient", "HCP"). */
export function agreementPerGroup<T>(
  documents: DocumentCodings[],
  groupOf: (doc: DocumentCodings) => string,
  options: UnitOptions,
  coefficient: (d: ReliabilityData) => T,
) {
  const groups = new Map<string, DocumentCodings[]>();
  for (const d of documents) {
    const g = groupOf(d);
    groups.set(g, [...(groups.get(g) ?? []), d]);
  }
  return [...groups].map(([key, docs]) => {
    const data = concatData(entries(docs, options).map((e) => e.data));
    return { key, data, result: coefficient(data) };
  });
}

export function agreementOverall<T>(
  documents: DocumentCodings[],
  options: UnitOptions,
  coefficient: (d: ReliabilityData) => T,
): Grouped<T> {
  const data = concatData(entries(documents, options).map((e) => e.data));
  return { key: 'overall', data, result: coefficient(data) };
}
