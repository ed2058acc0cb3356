import type { Db } from '../../store/open.ts';
import { stmt } from '../../store/changes.ts';
import { ThematicError } from '../../core/errors.ts';
import { closeNames } from './names.ts';
import type { Segment } from './segments.ts';

// "(P13, peer worker)": participant label, then the chosen attribute values, as a paper cites a quote.

export function attributeKeys(db: Db): string[] {
  return (stmt(db, 'SELECT DISTINCT key FROM participant_attributes ORDER BY key').all() as { key: string }[]).map((r) => r.key);
}

/** The attributes named (checked), or by default the participant's group (or role) when the project records one. */
export function attributionKeys(db: Db, wanted: string[] | undefined): string[] {
  const keys = attributeKeys(db);
  if (wanted === undefined) return keys.includes('group') ? ['group'] : keys.includes('role') ? ['role'] : [];
  for (const k of wanted) checkAttribute(k, keys);
  return wanted;
}

/** Throws not_found, with the close names, when `wanted` is not one of the project's attribute keys. */
export function checkAttribute(wanted: string, keys: string[]): void {
  if (!keys.includes(wanted))
    throw new ThematicError('not_found', `no participant attribute "${wanted}"; ${closeNames(wanted, keys, 'attributes')}`);
}

export function attributionOf(s: Pick<Segment, 'participant' | 'document'>, keys: string[]): string {
  if (!s.participant) return `(${s.document})`;
  const values = keys.map((k) => s.participant!.attributes[k]).filter((v): v is string => !!v);
  return `(${[s.participant.label, ...values].join(', ')})`;
}

/** "[00:12:34]" from seconds. */
export function timestamp(seconds: number): string {
  const t = Math.max(0, Math.floor(seconds));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `[${pad(Math.floor(t / 3600))}:${pad(Math.floor(t / 60) % 60)}:${pad(t % 60)}]`;
}

/** A report header's first line: "Project · 2026-01-31" (today unless a date is given). */
export const projectLine = (opts: { projectName?: string; date?: string }) =>
  [opts.projectName, opts.date ?? new Date().toISOString().slice(0, 10)].filter(Boolean).join(' · ');
