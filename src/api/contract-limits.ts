import type { z } from 'zod';

// String limits for every method's input that no real project reaches: a code definition, an
// attribute value, a label or a rationale of 100,000 characters is already far beyond any study
// (the audit stored a 100 MB definition twice, row and undo). File contents and long texts have
// their own limits in the contract: base64 files, CSV, memo bodies.

export const MAX_TEXT = 100_000;

/** The largest transcript file accepted (the importers, the CLI and the import dialog). */
export const MAX_TRANSCRIPT_BYTES = 50 * 1024 * 1024;

/** Inputs whose own .max in the contract is larger (or which carry a file's bytes). */
const OWN_LIMIT = new Set(['contentBase64', 'csv', 'body']);

/** The first string in `value` (or record key) longer than MAX_TEXT, with its path. */
function tooLong(value: unknown, path: (string | number)[]): { path: (string | number)[]; length: number } | undefined {
  if (typeof value === 'string') return value.length > MAX_TEXT ? { path, length: value.length } : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const r = tooLong(value[i], [...path, i]);
      if (r) return r;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.length > MAX_TEXT) return { path: [...path, k.slice(0, 40)], length: k.length };
      if (OWN_LIMIT.has(k)) continue;
      const r = tooLong(v, [...path, k]);
      if (r) return r;
    }
  }
  return undefined;
}

/** Adds the limit to each method's input schema (zod keeps the schema's own type and shape). */
export function withStringLimits<T extends Record<string, { input: z.ZodType }>>(methods: T): T {
  for (const spec of Object.values(methods)) {
    spec.input = spec.input.superRefine((value, ctx) => {
      const r = tooLong(value, []);
      if (r)
        ctx.addIssue({
          code: 'custom',
          path: r.path,
          message: `${r.length.toLocaleString('en')} characters; at most ${MAX_TEXT.toLocaleString('en')} are accepted`,
        });
    });
  }
  return methods;
}
