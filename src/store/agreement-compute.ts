// Agreement between coders on a project: the engine's units per document and code, pooled per
// code, per document, per participant group and overall (pooling concatenates units, so each
// level is one coefficient over its decisions, not an average), plus the unitizing alphas.
import { binaryUAlpha, cuAlpha, uAlpha, type Coding, type UnitizingResult, type UnitOfAnalysis } from '../agreement/index.ts';
import { documentUnits, Pooled } from './agreement-units.ts';
import type { Db } from './open.ts';
import { loadProjectCodings, needsFor, type ProjectDocument } from './agreement-data.ts';
import { finite, summarize, unitTotal, type CoefficientSummary } from './agreement-summary.ts';
import { ThematicError } from './errors.ts';

export interface AgreementRequest {
  coders: string[];
  unit: UnitOfAnalysis;
  codeIds?: number[];
  excludeUncoded?: boolean;
  /** Segment units: minimum overlap (intersection / union) for two codings to match. */
  threshold?: number;
  /** Bootstrap replicates per coefficient (0 = no intervals). */
  bootstrap?: number;
  /** Skip the unitizing alphas (they are independent of the unit of analysis). */
  unitizing?: boolean;
}

export interface AgreementGroup { units: number; coefficients: CoefficientSummary[] }

export interface UnitizingSummary {
  coefficient: string;
  value: number | null;
  observedDisagreement: number | null;
  expectedDisagreement: number | null;
  length: number;
  /** Why the value is missing (e.g. one coder's codes overlap, which uα over codes cannot take). */
  note?: string;
}

const group = (pooled: Pooled, coders: string[], bootstrap: number): AgreementGroup => {
  const data = pooled.data(coders);
  return { units: unitTotal(data), coefficients: summarize(data, { categories: [0, 1], bootstrap, seed: 1 }) };
};

function unitizingSummary(name: string, f: () => UnitizingResult, length: number): UnitizingSummary {
  try {
    const r = f();
    return { coefficient: name, value: finite(r.value), observedDisagreement: finite(r.observedDisagreement), expectedDisagreement: finite(r.expectedDisagreement), length };
  } catch (e) {
    return { coefficient: name, value: null, observedDisagreement: null, expectedDisagreement: null, length, note: (e as Error).message };
  }
}

/** The documents laid end to end as one continuum, as the unitizing alphas expect. */
export function continuumOf(docs: ProjectDocument[]): { length: number; codings: Coding[] } {
  let offset = 0;
  const codings: Coding[] = [];
  for (const d of docs) {
    for (const c of d.codings) codings.push({ ...c, start: offset + Math.max(0, c.start), end: offset + Math.min(d.length, c.end) });
    offset += d.length;
  }
  return { length: offset, codings };
}

export function unitizingAlphas(docs: ProjectDocument[], coders: string[], codes: string[], codeName: (id: string) => string) {
  const { length, codings } = continuumOf(docs);
  const c = { length };
  const byCode = new Map<string, Coding[]>(codes.map((k) => [k, []]));
  for (const x of codings) byCode.get(x.code)?.push(x);
  const anyCode = codings.map((x) => ({ ...x, code: 'coded' }));
  const u = unitizingSummary('u_alpha', () => uAlpha(c, coders, codings), length);
  return {
    uAlpha: u,
    binaryUAlpha: unitizingSummary('binary_u_alpha', () => binaryUAlpha(c, coders, anyCode), length),
    // cuα partitions the same way: when uα could not (overlapping codes), neither can cuα.
    cuAlpha: u.note ? { ...u, coefficient: 'cu_alpha' } : unitizingSummary('cu_alpha', () => cuAlpha(c, coders, codings), length),
    perCode: codes.map((k) => ({ codeId: Number(k), code: codeName(k), ...unitizingSummary('u_alpha', () => uAlpha(c, coders, byCode.get(k)!), length) })),
  };
}

export interface ComputeContext {
  docs: ProjectDocument[];
  codeName: (id: string) => string;
}

/** The computation on loaded documents (the benchmark loads once and runs every unit). */
export function computeOn(ctx: ComputeContext, r: AgreementRequest) {
  const { docs, codeName } = ctx;
  const codes = r.codeIds?.length ? r.codeIds.map(String) : [...new Set(docs.flatMap((d) => d.codings.map((c) => c.code)))].sort((a, b) => Number(a) - Number(b));
  const bootstrap = r.bootstrap ?? 500;
  const perCode = new Map<string, Pooled>(codes.map((k) => [k, new Pooled()]));
  const perDoc = new Map<string, Pooled>();
  const perGroup = new Map<string, Pooled>();
  const all = new Pooled();
  for (const d of docs) {
    const doc = new Pooled();
    perDoc.set(d.id, doc);
    const grp = perGroup.get(d.group) ?? perGroup.set(d.group, new Pooled()).get(d.group)!;
    documentUnits(d, { unit: r.unit, coders: r.coders, codes, excludeUncoded: r.excludeUncoded, threshold: r.threshold }, (code, row, w) => {
      perCode.get(code)!.add(row, w);
      doc.add(row, w);
      grp.add(row, w);
      all.add(row, w);
    });
  }
  const docName = new Map(docs.map((d) => [d.id, d.name]));
  const g = (p: Pooled | undefined) => group(p ?? new Pooled(), r.coders, bootstrap);
  return {
    coders: r.coders, unit: r.unit, excludeUncoded: !!r.excludeUncoded, threshold: r.unit === 'segment' ? (r.threshold ?? 0.9) : null,
    bootstrap: { replicates: bootstrap, seed: 1 },
    overall: g(all),
    perCode: codes.map((k) => ({ codeId: Number(k), code: codeName(k), ...g(perCode.get(k)) })),
    perDocument: [...perDoc].map(([k, p]) => ({ documentId: Number(k), document: docName.get(k) ?? k, ...g(p) })),
    perGroup: [...perGroup].sort(([a], [b]) => a.localeCompare(b)).map(([k, p]) => ({ group: k, ...g(p) })),
    unitizing: r.unitizing === false ? null : unitizingAlphas(docs, r.coders, codes, codeName),
  };
}

export function codeNames(db: Db): Map<string, string> {
  return new Map((db.prepare('SELECT id, name FROM codes').raw().all() as [number, string][]).map(([id, n]) => [String(id), n]));
}

export function computeAgreement(db: Db, r: AgreementRequest) {
  if (new Set(r.coders).size !== r.coders.length || r.coders.length < 2) throw new ThematicError('invalid_input', 'choose at least two different coders');
  const names = codeNames(db);
  for (const id of r.codeIds ?? []) if (!names.has(String(id))) throw new ThematicError('not_found', `code ${id} does not exist`);
  const docs = loadProjectCodings(db, r.coders, needsFor(r.unit), r.codeIds);
  return computeOn({ docs, codeName: (k) => names.get(k) ?? k }, r);
}
