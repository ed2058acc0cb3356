import type { Rule } from './types.ts';
import { replaceAll } from './match.ts';

/**
 * What happens to every text column of a project in an anonymised copy.
 * - text: the key is applied to the value;
 * - json: the key is applied to the JSON's string values (not its keys, nor the fields in `skip`);
 * - keep: ids, colours, timestamps, enumerations, guids: nothing a person wrote;
 * - special: handled by the copy writer itself (the document text and what hangs off its offsets).
 * A column that is not listed (a later migration) is treated as `text`: the safe default for
 * privacy. tests/anonymise/fields.test.ts fails until every column of the schema is listed here.
 */
export type FieldKind = { kind: 'text' } | { kind: 'json'; skip?: string[] } | { kind: 'keep' } | { kind: 'special' };

const text: FieldKind = { kind: 'text' },
  keep: FieldKind = { kind: 'keep' },
  special: FieldKind = { kind: 'special' };
const json = (skip: string[] = []): FieldKind => ({ kind: 'json', skip });

export const FIELDS: Record<string, Record<string, FieldKind>> = {
  project_meta: { key: keep, value: json(['fontFamily']) },
  coders: { name: text, created_at: keep },
  participants: { label: text, created_at: keep },
  participant_attributes: { key: keep, value: text },
  documents: { name: text, original_filename: text, format: keep, sha256: special, text: special, imported_at: keep },
  turns: { speaker: text },
  speaker_participants: { speaker: text },
  codes: {
    guid: keep,
    name: text,
    color: keep,
    definition: text,
    when_to_use: text,
    when_not_to_use: text,
    example: text,
    created_at: keep,
  },
  codings: { guid: keep, created_at: keep },
  memos: { guid: keep, target_type: keep, title: text, body: text, author: text, created_at: keep, updated_at: keep },
  themes: { guid: keep, kind: keep, name: text, definition: text, color: keep, status: keep, created_at: keep },
  theme_events: { theme_name: text, kind: keep, rationale: text, details: json(['kind', 'status']), actor: text, at: keep },
  theme_links: { label: text, created_at: keep },
  map_positions: { node_id: keep },
  map_versions: {
    name: text,
    note: text,
    input: json(['id', 'kind', 'color', 'parentId', 'from', 'to']),
    positions: keep,
    actor: text,
    created_at: keep,
  },
  consensus_decisions: {
    disagreement_key: special,
    coder_a: text,
    coder_b: text,
    consensus_coder: text,
    kind: keep,
    rationale: text,
    decided_by: text,
    decided_at: keep,
    coding_ids: keep,
    superseded_at: keep,
  },
  refi_guids: { entity: keep, guid: keep },
  // What a REFI-QDA import carried that Thematic has no model for (sets, links, graphs): names and JSON.
  refi_extras: {
    kind: keep,
    guid: keep,
    name: text,
    json: json([
      'guid',
      'representedGuid',
      'originGuid',
      'targetGuid',
      'sourceVertex',
      'targetVertex',
      'memberCodes',
      'memberSources',
      'memberNotes',
      'direction',
      'color',
      'shape',
      'lineStyle',
    ]),
    created_at: keep,
  },
};
// Emptied as a whole: operations (its rows hold original text captured for undo), client_operations
// (the results of idempotent calls, which quote the original text too), recordings and refi_media
// (a voice identifies a person, so no recording, nor the name and path of one, goes into an
// anonymised copy).
export const CLEARED_TABLES = ['operations', 'client_operations', 'recordings', 'refi_media'];
/** Rebuilt from the new text (the search index's own tables hold tokens of the original words). */
export const isIndexTable = (t: string) => t === 'turn_fts' || t.startsWith('turn_fts_') || t.startsWith('sqlite_');

/** The kind of one column; unknown columns are replaced like text. */
export function fieldKind(table: string, column: string): FieldKind {
  return FIELDS[table]?.[column] ?? text;
}

/** The key applied to a JSON document's string values; invalid JSON is treated as plain text. */
export function replaceInJson(value: string, rules: Rule[], skip: string[] = []): string {
  let doc: unknown;
  try {
    doc = JSON.parse(value);
  } catch {
    return replaceAll(value, rules);
  }
  if (typeof doc !== 'object' || doc === null) return typeof doc === 'string' ? JSON.stringify(replaceAll(doc, rules)) : value;
  let changed = false;
  const out = mapJsonStrings(doc, skip, (v) => {
    const r = replaceAll(v, rules);
    if (r !== v) changed = true;
    return r;
  });
  return changed ? JSON.stringify(out) : value;
}

/** A parsed JSON document with each string value passed through `f`; keys, and values under a key in `skip`, are left alone. */
export function mapJsonStrings(doc: unknown, skip: string[], f: (s: string) => string): unknown {
  const walk = (v: unknown, key: string | null): unknown => {
    if (typeof v === 'string') return key !== null && skip.includes(key) ? v : f(v);
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    return v;
  };
  return walk(doc, null);
}

/** A column's value with the key applied according to its kind. */
export function replaceField(table: string, column: string, value: string, rules: Rule[]): string {
  const f = fieldKind(table, column);
  if (f.kind === 'text') return replaceAll(value, rules);
  if (f.kind === 'json') return replaceInJson(value, rules, f.skip);
  return value;
}
