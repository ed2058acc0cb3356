import { z } from 'zod';
import { Id } from '../../core/model/entities.ts';

// agreement methods of the API contract (merged into src/api/contract.ts). Pure data.
const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, mutates = false) => ({ input, output, mutates });

const CoderName = z.string().trim().min(1).max(100);
const Num = z.number().nullable();

export const AgreementUnit = z.enum(['character', 'turn', 'sentence', 'document', 'segment']);

/** A bootstrap interval; `method` says which bootstrap (units, clusters of documents, Krippendorff's). */
const Interval = z.object({
  lower: Num, upper: Num, level: z.number(), replicates: z.number().int(), method: z.string(), seed: z.number().int(), note: z.string().optional(),
});
export const CoefficientSummary = z.object({
  coefficient: z.string(), value: Num,
  /** Why value is null: the coefficient is undefined for these data. */
  undefinedReason: z.string().optional(),
  observedAgreement: Num, expectedAgreement: Num, observedDisagreement: Num, expectedDisagreement: Num,
  units: z.number(),
  ci: Interval.nullable(),
  /** Standard error and interval from the coefficient's variance formula; `method` names the formula. */
  analytic: z.object({ se: z.number(), lower: z.number(), upper: z.number(), level: z.number(), method: z.string() }).nullable(),
  krippendorffBootstrap: Interval.extend({ pairs: z.number(), qBelow: z.object({ min: z.number(), q: z.number() }).nullable() }).nullable().optional(),
});
const Group = { units: z.number(), coefficients: z.array(CoefficientSummary) };
export const UnitizingSummary = z.object({
  coefficient: z.string(), value: Num, observedDisagreement: Num, expectedDisagreement: Num, length: z.number(), note: z.string().optional(),
});

export const AgreementResult = z.object({
  coders: z.array(z.string()), unit: AgreementUnit, excludeUncoded: z.boolean(), threshold: Num,
  bootstrap: z.object({ replicates: z.number().int(), seed: z.number().int(), method: z.string() }),
  overall: z.object(Group),
  perCode: z.array(z.object({ codeId: Id, code: z.string(), ...Group })),
  perDocument: z.array(z.object({ documentId: Id, document: z.string(), ...Group })),
  perGroup: z.array(z.object({ group: z.string(), ...Group })),
  unitizing: z.object({
    uAlpha: UnitizingSummary, binaryUAlpha: UnitizingSummary, cuAlpha: UnitizingSummary,
    perCode: z.array(UnitizingSummary.extend({ codeId: Id, code: z.string() })),
    /** Krippendorff's (2004) alpha_U, the definition DKPro Statistics implements: per code, and overall. */
    krippendorff2004: z.object({ overall: UnitizingSummary, perCode: z.array(UnitizingSummary.extend({ codeId: Id, code: z.string() })) }),
    /** u-alpha and cu-alpha per group of sibling codes (same parent) that never overlap within a coder. */
    domains: z.array(z.object({ domain: z.string(), codes: z.array(z.string()), uAlpha: UnitizingSummary, cuAlpha: UnitizingSummary })),
    /** What could not be computed and why (codes that overlap within a coder). */
    leftOut: z.array(z.string()),
  }).nullable(),
});

const Pair = { coderA: CoderName, coderB: CoderName, consensus: CoderName.default('Consensus') };
const Span = z.object({ id: Id, codeId: Id, start: z.number().int(), end: z.number().int() });
export const DecisionKind = z.enum(['keep-a', 'keep-b', 'both', 'union', 'intersection', 'edited', 'neither']);
export const Decision = z.object({
  id: Id, key: z.string(), documentId: Id, document: z.string(), codeId: Id, code: z.string(), otherCodeId: Id.nullable(), otherCode: z.string().nullable(),
  coderA: z.string(), coderB: z.string(), consensus: z.string(), kind: z.union([DecisionKind, z.literal('agreed')]), rationale: z.string(),
  decidedBy: z.string(), decidedAt: z.string(), codingIds: z.array(Id), supersededAt: z.string().nullable(),
});
export const Disagreement = z.object({
  key: z.string(), kind: z.enum(['a-only', 'b-only', 'boundaries', 'different-codes']),
  documentId: Id, document: z.string(), codeId: Id, code: z.string(), otherCodeId: Id.nullable(), otherCode: z.string().nullable(),
  start: z.number().int(), end: z.number().int(), before: z.string(), text: z.string(), after: z.string(),
  a: z.array(Span), b: z.array(Span), decision: Decision.nullable(),
});

/** What to measure: which coders, on which unit, for which codes. */
const AgreementRequest = z.object({
    coders: z.array(CoderName).min(2).max(20),
    unit: AgreementUnit.default('character'),
    codeIds: z.array(Id).max(10_000).optional(),
    excludeUncoded: z.boolean().default(false),
    threshold: z.number().gt(0).max(1).optional(),
    bootstrap: z.number().int().min(0).max(10_000).default(500),
    /** Seed of the bootstrap draws: the same seed gives the same intervals on any machine. */
    seed: z.number().int().min(0).max(2 ** 32 - 1).default(1),
    unitizing: z.boolean().default(true),
  }).strict();

export const agreementMethods = {
  'agreement.compute': method(AgreementRequest, AgreementResult),
  /** The agreement report for a paper: an HTML page with an adaptable methods paragraph, and every coefficient as CSV. */
  'agreement.report': method(AgreementRequest, z.object({ html: z.string(), csv: z.string(), methods: z.string() })),
  'reconcile.list': method(z.object({
    ...Pair, codeId: Id.optional(), documentId: Id.optional(),
    status: z.enum(['all', 'open', 'resolved']).default('all'),
    context: z.number().int().min(0).max(2000).default(80),
  }).strict(), z.object({
    items: z.array(Disagreement),
    groups: z.array(z.object({ documentId: Id, document: z.string(), codeId: Id, code: z.string(), total: z.number().int(), resolved: z.number().int() })),
    progress: z.object({ total: z.number().int(), resolved: z.number().int(), open: z.number().int() }),
    agreed: z.object({ passages: z.number().int(), accepted: z.number().int() }),
  })),
  'reconcile.decide': method(z.object({
    ...Pair, key: z.string().min(1).max(200), kind: DecisionKind, rationale: z.string().max(10_000).default(''),
    spans: z.array(z.object({ codeId: Id.optional(), start: z.number().int().min(0), end: z.number().int().min(1) })).max(1000).optional(),
  }).strict(), z.object({ decision: Decision, codingIds: z.array(Id) }), true),
  'reconcile.acceptAgreed': method(z.object({ ...Pair }).strict(), z.object({ accepted: z.number().int(), codings: z.number().int() }), true),
  'reconcile.log': method(z.object({
    coderA: CoderName.optional(), coderB: CoderName.optional(), consensus: CoderName.optional(), includeSuperseded: z.boolean().default(true),
  }).strict(), z.object({ decisions: z.array(Decision), csv: z.string() })),
  'reconcile.mergeCopy': method(z.object({
    /** The coder's copy (a .thematic file), base64 as the web mode and IPC carry files. */
    contentBase64: z.string().min(1),
    /** The copy's file name, for messages. */
    fileName: z.string().min(1).max(255).optional(),
    addNewCodes: z.boolean().default(false),
    dryRun: z.boolean().default(false),
  }).strict(), z.object({
    coders: z.array(z.string()), merged: z.number().int(), duplicates: z.number().int(), skipped: z.number().int(), memosNotMerged: z.number().int(), memosMerged: z.number().int(),
    conflicts: z.array(z.object({ kind: z.enum(['document-missing', 'document-differs', 'code-renamed', 'code-added']), name: z.string(), detail: z.string(), codings: z.number().int() })),
  }), true),
} as const;
