// Agreement between coders on a project: the engine's units per document and code, pooled per
// code, per document, per participant group and overall (pooling concatenates units, so each
// level is one coefficient over its decisions, not an average), plus the unitizing alphas.
import {
  binaryUAlpha,
  clusterBootstrap,
  clusterDraws,
  cuAlpha,
  uAlpha,
  unitizingAlpha1995,
  type Coding,
  type UnitizingResult,
  type UnitOfAnalysis,
} from '../../core/agreement/index.ts';
import { documentUnits, Pooled } from './units.ts';
import type { Db } from '../../store/open.ts';
import { loadProjectCodings, needsFor, type ProjectDocument } from './data.ts';
import { finite, prepare, summaries, unitTotal, type CoefficientSummary, type Interval } from '../../core/agreement/summary.ts';
import { ThematicError } from '../../core/errors.ts';

export interface AgreementRequest {
  coders: string[];
  unit: UnitOfAnalysis;
  codeIds?: number[];
  excludeUncoded?: boolean;
  /** Segment units: minimum overlap (intersection / union) for two codings to match. */
  threshold?: number;
  /** Bootstrap replicates per coefficient (0 = no intervals). */
  bootstrap?: number;
  /** Seed of the bootstrap draws (default 1): the same seed gives the same intervals. */
  seed?: number;
  /** Skip the unitizing alphas (they are independent of the unit of analysis). */
  unitizing?: boolean;
}

export interface AgreementGroup {
  units: number;
  coefficients: CoefficientSummary[];
}

export interface UnitizingSummary {
  coefficient: string;
  value: number | null;
  observedDisagreement: number | null;
  expectedDisagreement: number | null;
  length: number;
  /** Why the value is missing (e.g. one coder's codes overlap, which uα over codes cannot take). */
  note?: string;
}

/** Documents (clusters) resampled together: adjacent characters, sentences and turns are not independent. */
const CLUSTERED: UnitOfAnalysis[] = ['character', 'sentence', 'turn'];
const FEW_DOCUMENTS = 5;

interface Resampling {
  /** Cluster draws (times each document is drawn), one array per replicate; empty = no intervals. */
  draws: Float64Array[];
  clusters: number;
  seed: number;
}

const group = (
  pooled: Pooled,
  coders: string[],
  unit: UnitOfAnalysis,
  r: Resampling | null,
  absentTotals?: Float64Array,
): AgreementGroup => {
  const data = pooled.data(coders);
  const p = prepare(data, { categories: [0, 1] });
  let cis: Array<Interval | null> = p.specs.map(() => null);
  if (r && r.draws.length) {
    const note =
      r.clusters < FEW_DOCUMENTS
        ? `only ${r.clusters} document${r.clusters === 1 ? '' : 's'}: a cluster bootstrap over so few documents cannot show the uncertainty; read the interval as unknown`
        : undefined;
    // Per code the documents' agreed absences are not listed (see computeOn): the absent pattern is all zeros.
    const zero = absentTotals
      ? p.table.weights.findIndex((_, k) =>
          p.table.cells.subarray(k * coders.length, (k + 1) * coders.length).every((x) => p.table.categories[x] === 0),
        )
      : -1;
    const absent = absentTotals ? { pattern: zero, totals: absentTotals } : undefined;
    cis = clusterBootstrap(p.table, pooled.clusters(r.clusters), r.draws, p.specs, p.L, 0.95, 'documents', absent).map((b) => ({
      lower: finite(b.lower),
      upper: finite(b.upper),
      level: b.level,
      replicates: b.replicates,
      method: b.method,
      seed: r.seed,
      ...(note ? { note } : {}),
    }));
  }
  // The analytic variances assume independent units: given only when the unit is the document.
  return { units: unitTotal(data), coefficients: summaries(p, cis, { analytic: !CLUSTERED.includes(unit) && unit !== 'segment' }) };
};

function unitizingSummary(name: string, f: () => UnitizingResult, length: number): UnitizingSummary {
  try {
    const r = f();
    return {
      coefficient: name,
      value: finite(r.value),
      observedDisagreement: finite(r.observedDisagreement),
      expectedDisagreement: finite(r.expectedDisagreement),
      length,
    };
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

const noCodings = (name: string, length: number): UnitizingSummary => ({
  coefficient: name,
  value: null,
  observedDisagreement: null,
  expectedDisagreement: null,
  length,
  note: 'no coder applied this code',
});

/** Pairs of different codes that overlap in one coder's codings, as "a\u0000b" (a < b), with a count. */
function overlappingCodes(codings: Coding[]): Map<string, number> {
  const out = new Map<string, number>();
  const byCoder = new Map<string, Coding[]>();
  for (const c of codings) (byCoder.get(c.coder) ?? byCoder.set(c.coder, []).get(c.coder)!).push(c);
  for (const list of byCoder.values()) {
    list.sort((x, y) => x.start - y.start);
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length && list[j].start < list[i].end; j++) {
        if (list[j].code === list[i].code || list[j].end <= list[j].start) continue;
        const key = list[i].code < list[j].code ? `${list[i].code}\u0000${list[j].code}` : `${list[j].code}\u0000${list[i].code}`;
        out.set(key, (out.get(key) ?? 0) + 1);
      }
    }
  }
  return out;
}

/**
 * The unitizing alphas over the documents laid end to end: Krippendorff's 2016/2019 family (u-alpha,
 * |u-alpha, cu-alpha; overall, per code, and per group of sibling codes) and his 2004 alpha_U (per
 * code, and overall as 1 - mean D_o / mean D_e, as DKPro Statistics computes it). u-alpha and
 * cu-alpha over several codes need codes that never overlap within a coder; where codes overlap, the
 * values that cannot be computed are null and `leftOut` says which and why. alpha_U (2004) and
 * |u-alpha take each code on its own, or any code against none, so overlaps do not matter to them.
 */
export function unitizingAlphas(
  docs: ProjectDocument[],
  coders: string[],
  codes: string[],
  codeName: (id: string) => string,
  codeParent: (id: string) => string | null = () => null,
) {
  const { length, codings } = continuumOf(docs);
  const c = { length };
  const byCode = new Map<string, Coding[]>(codes.map((k) => [k, []]));
  for (const x of codings) byCode.get(x.code)?.push(x);
  const anyCode = codings.map((x) => ({ ...x, code: 'coded' }));
  const overlaps = overlappingCodes(codings);
  const pairText = (key: string) => {
    const [a, b] = key.split('\u0000');
    return `"${codeName(a)}" and "${codeName(b)}" overlap in ${overlaps.get(key)} place${overlaps.get(key) === 1 ? '' : 's'}`;
  };
  const leftOut: string[] = [];
  const allOverlaps = [...overlaps.keys()];
  const u = allOverlaps.length
    ? {
        coefficient: 'u_alpha',
        value: null,
        observedDisagreement: null,
        expectedDisagreement: null,
        length,
        note: `codes overlap within a coder (${allOverlaps.slice(0, 3).map(pairText).join('; ')}${allOverlaps.length > 3 ? `; ${allOverlaps.length - 3} more pairs` : ''}), and u-alpha over several codes needs one code per stretch of text`,
      }
    : unitizingSummary('u_alpha', () => uAlpha(c, coders, codings), length);
  if (allOverlaps.length)
    leftOut.push(`u-alpha and cu-alpha over all codes: ${u.note}; see them per code and per group of sibling codes that never overlap`);
  // Groups of sibling codes (the same parent in the codebook), like ATLAS.ti's semantic domains.
  const domains = new Map<string, string[]>();
  for (const k of codes) {
    if (!byCode.get(k)!.length) continue;
    const parent = codeParent(k);
    const name = parent === null ? '(top level)' : codeName(parent);
    (domains.get(name) ?? domains.set(name, []).get(name)!).push(k);
  }
  const domainResults = [];
  for (const [domain, list] of [...domains].sort(([a], [b]) => a.localeCompare(b))) {
    if (list.length < 2 || list.length === codes.length) continue;
    const inside = new Set(list);
    const clash = allOverlaps.filter((key) => key.split('\u0000').every((k) => inside.has(k)));
    if (clash.length) {
      leftOut.push(
        `codes under "${domain}": ${clash.slice(0, 3).map(pairText).join('; ')}${clash.length > 3 ? `; ${clash.length - 3} more pairs` : ''}`,
      );
      continue;
    }
    const mine = list.flatMap((k) => byCode.get(k)!);
    domainResults.push({
      domain,
      codes: list.map(codeName),
      uAlpha: unitizingSummary('u_alpha', () => uAlpha(c, coders, mine), length),
      cuAlpha: unitizingSummary('cu_alpha', () => cuAlpha(c, coders, mine), length),
    });
  }
  // Krippendorff (2004): each code's units against its own gaps.
  const per2004 = codes.map((k) => {
    const list = byCode.get(k)!;
    if (!list.length) return { k, r: null };
    return { k, r: unitizingAlpha1995(c, coders, list, k) };
  });
  const used = per2004.filter((x) => x.r !== null).map((x) => x.r!);
  const dO = used.reduce((a, r) => a + r.observedDisagreement, 0) / used.length;
  const dE = used.reduce((a, r) => a + r.expectedDisagreement, 0) / used.length;
  const summary2004 = (name: string, value: number, o: number, e: number): UnitizingSummary => ({
    coefficient: name,
    value: finite(value),
    observedDisagreement: finite(o),
    expectedDisagreement: finite(e),
    length,
  });
  return {
    uAlpha: u,
    binaryUAlpha: unitizingSummary('binary_u_alpha', () => binaryUAlpha(c, coders, anyCode), length),
    // cuα partitions the same way: when uα could not (overlapping codes), neither can cuα.
    cuAlpha: u.note ? { ...u, coefficient: 'cu_alpha' } : unitizingSummary('cu_alpha', () => cuAlpha(c, coders, codings), length),
    perCode: codes.map((k) => ({
      codeId: Number(k),
      code: codeName(k),
      ...unitizingSummary('u_alpha', () => uAlpha(c, coders, byCode.get(k)!), length),
    })),
    krippendorff2004: {
      overall: used.length
        ? summary2004('krippendorff_2004_alpha_u', dO === dE ? 0 : 1 - dO / dE, dO, dE)
        : noCodings('krippendorff_2004_alpha_u', length),
      perCode: per2004.map(({ k, r }) => ({
        codeId: Number(k),
        code: codeName(k),
        ...(r
          ? summary2004('krippendorff_2004_alpha_u', r.value, r.observedDisagreement, r.expectedDisagreement)
          : noCodings('krippendorff_2004_alpha_u', length)),
      })),
    },
    domains: domainResults,
    leftOut,
  };
}

export interface ComputeContext {
  docs: ProjectDocument[];
  codeName: (id: string) => string;
  /** The code's parent code id (for groups of sibling codes), or null at the top level. */
  codeParent?: (id: string) => string | null;
}

/** The computation on loaded documents (the benchmark loads once and runs every unit). */
export function computeOn(ctx: ComputeContext, r: AgreementRequest) {
  const { docs, codeName } = ctx;
  const codes = r.codeIds?.length
    ? r.codeIds.map(String)
    : [...new Set(docs.flatMap((d) => d.codings.map((c) => c.code)))].sort((a, b) => Number(a) - Number(b));
  const bootstrap = r.bootstrap ?? 500;
  const seed = r.seed ?? 1;
  const perCode = new Map<string, Pooled>(codes.map((k) => [k, new Pooled()]));
  const perDoc = new Map<string, Pooled>();
  const perGroup = new Map<string, { pooled: Pooled; docs: number }>();
  const all = new Pooled();
  // Units per code in each document (the same for every code): per code, the agreed absences are
  // then counted from these instead of being listed document by document for the bootstrap.
  const base = new Float64Array(docs.length);
  docs.forEach((d, i) => {
    const doc = new Pooled();
    perDoc.set(d.id, doc);
    const grp = perGroup.get(d.group) ?? perGroup.set(d.group, { pooled: new Pooled(), docs: 0 }).get(d.group)!;
    const local = grp.docs++;
    base[i] = documentUnits(
      d,
      { unit: r.unit, coders: r.coders, codes, excludeUncoded: r.excludeUncoded, threshold: r.threshold },
      (code, row, w) => {
        perCode.get(code)!.add(row, w, r.unit !== 'segment' && row.every((v) => v === 0) ? -1 : i);
        doc.add(row, w);
        grp.pooled.add(row, w, local);
        all.add(row, w, i);
      },
    );
  });
  // One set of document draws for the overall and per-code figures; each participant group resamples its own documents.
  const resampling = (count: number, s: number): Resampling => ({ draws: clusterDraws(count, bootstrap, s), clusters: count, seed: s });
  const whole = bootstrap > 0 ? resampling(docs.length, seed) : null;
  const absentTotals =
    whole && r.unit !== 'segment' ? Float64Array.from(whole.draws, (times) => times.reduce((a, k, d) => a + k * base[d], 0)) : undefined;
  const docName = new Map(docs.map((d) => [d.id, d.name]));
  const g = (p: Pooled | undefined, rs: Resampling | null) => group(p ?? new Pooled(), r.coders, r.unit, rs);
  const groups = [...perGroup].sort(([a], [b]) => a.localeCompare(b));
  return {
    coders: r.coders,
    unit: r.unit,
    excludeUncoded: !!r.excludeUncoded,
    threshold: r.unit === 'segment' ? (r.threshold ?? 0.9) : null,
    bootstrap: {
      replicates: bootstrap,
      seed,
      method:
        bootstrap > 0
          ? `cluster bootstrap over documents (${docs.length}), percentile; per participant group over that group's documents; none per document`
          : 'none',
    },
    overall: g(all, whole),
    perCode: codes.map((k) => ({ codeId: Number(k), code: codeName(k), ...group(perCode.get(k)!, r.coders, r.unit, whole, absentTotals) })),
    perDocument: [...perDoc].map(([k, p]) => ({ documentId: Number(k), document: docName.get(k) ?? k, ...g(p, null) })),
    perGroup: groups.map(([k, x], i) => ({ group: k, ...g(x.pooled, bootstrap > 0 ? resampling(x.docs, seed + 1 + i) : null) })),
    unitizing: r.unitizing === false ? null : unitizingAlphas(docs, r.coders, codes, codeName, ctx.codeParent),
  };
}

export function codeNames(db: Db): Map<string, string> {
  return new Map((db.prepare('SELECT id, name FROM codes').raw().all() as [number, string][]).map(([id, n]) => [String(id), n]));
}

export function computeAgreement(db: Db, r: AgreementRequest) {
  if (new Set(r.coders).size !== r.coders.length || r.coders.length < 2)
    throw new ThematicError('invalid_input', 'choose at least two different coders');
  const names = codeNames(db);
  for (const id of r.codeIds ?? []) if (!names.has(String(id))) throw new ThematicError('not_found', `code ${id} does not exist`);
  const docs = loadProjectCodings(db, r.coders, needsFor(r.unit), r.codeIds);
  const parents = new Map(
    (db.prepare('SELECT id, parent_id FROM codes').raw().all() as [number, number | null][]).map(([id, p]) => [
      String(id),
      p === null ? null : String(p),
    ]),
  );
  return computeOn({ docs, codeName: (k) => names.get(k) ?? k, codeParent: (k) => parents.get(k) ?? null }, r);
}
