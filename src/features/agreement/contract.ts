import { z } from 'zod';
import { Id } from '../../core/model/entities.ts';

// agreement methods of the API contract (merged into src/api/contract.ts). Pure data.
const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, mutates = false) => ({ input, output, mutates });

/** A coder's name as agreement and reconciliation take it. */
export const CoderName = z.string().trim().min(1).max(100);
const Num = z.number().nullable();

export const AgreementUnit = z.enum(['character', 'turn', 'sentence', 'document', 'segment']);

/** A bootstrap interval; `method` says which bootstrap (units, clusters of documents, Krippendorff's). */
const Interval = z.object({
  lower: Num,
  upper: Num,
  level: z.number(),
  replicates: z.number().int(),
  method: z.string(),
  seed: z.number().int(),
  note: z.string().optional(),
});
export const CoefficientSummary = z.object({
  coefficient: z.string(),
  value: Num,
  /** Why value is null: the coefficient is undefined for these data. */
  undefinedReason: z.string().optional(),
  observedAgreement: Num,
  expectedAgreement: Num,
  observedDisagreement: Num,
  expectedDisagreement: Num,
  units: z.number(),
  ci: Interval.nullable(),
  /** Standard error and interval from the coefficient's variance formula; `method` names the formula. */
  analytic: z.object({ se: z.number(), lower: z.number(), upper: z.number(), level: z.number(), method: z.string() }).nullable(),
  krippendorffBootstrap: Interval.extend({ pairs: z.number(), qBelow: z.object({ min: z.number(), q: z.number() }).nullable() })
    .nullable()
    .optional(),
});
const Group = { units: z.number(), coefficients: z.array(CoefficientSummary) };
export const UnitizingSummary = z.object({
  coefficient: z.string(),
  value: Num,
  observedDisagreement: Num,
  expectedDisagreement: Num,
  length: z.number(),
  note: z.string().optional(),
});

export const AgreementResult = z.object({
  coders: z.array(z.string()),
  unit: AgreementUnit,
  excludeUncoded: z.boolean(),
  threshold: Num,
  bootstrap: z.object({ replicates: z.number().int(), seed: z.number().int(), method: z.string() }),
  overall: z.object(Group),
  perCode: z.array(z.object({ codeId: Id, code: z.string(), ...Group })),
  perDocument: z.array(z.object({ documentId: Id, document: z.string(), ...Group })),
  perGroup: z.array(z.object({ group: z.string(), ...Group })),
  unitizing: z
    .object({
      uAlpha: UnitizingSummary,
      binaryUAlpha: UnitizingSummary,
      cuAlpha: UnitizingSummary,
      perCode: z.array(UnitizingSummary.extend({ codeId: Id, code: z.string() })),
      /** Krippendorff's (2004) alpha_U, the definition DKPro Statistics implements: per code, and overall. */
      krippendorff2004: z.object({
        overall: UnitizingSummary,
        perCode: z.array(UnitizingSummary.extend({ codeId: Id, code: z.string() })),
      }),
      /** u-alpha and cu-alpha per group of sibling codes (same parent) that never overlap within a coder. */
      domains: z.array(z.object({ domain: z.string(), codes: z.array(z.string()), uAlpha: UnitizingSummary, cuAlpha: UnitizingSummary })),
      /** What could not be computed and why (codes that overlap within a coder). */
      leftOut: z.array(z.string()),
    })
    .nullable(),
});

/** What to measure: which coders, on which unit, for which codes. */
const AgreementRequest = z
  .object({
    coders: z.array(CoderName).min(2).max(20),
    unit: AgreementUnit.default('character'),
    codeIds: z.array(Id).max(10_000).optional(),
    excludeUncoded: z.boolean().default(false),
    threshold: z.number().gt(0).max(1).optional(),
    bootstrap: z.number().int().min(0).max(10_000).default(500),
    /** Seed of the bootstrap draws: the same seed gives the same intervals on any machine. */
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .default(1),
    unitizing: z.boolean().default(true),
  })
  .strict();

export const agreementMethods = {
  'agreement.compute': method(AgreementRequest, AgreementResult),
  /** The agreement report for a paper: an HTML page with an adaptable methods paragraph, and every coefficient as CSV. */
  'agreement.report': method(AgreementRequest, z.object({ html: z.string(), csv: z.string(), methods: z.string() })),
} as const;
