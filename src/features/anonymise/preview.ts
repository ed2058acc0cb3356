import type Database from 'better-sqlite3';
import type { Rule } from '../../core/anonymise/types.ts';
import { findMatches, type Match } from '../../core/anonymise/match.ts';
import { contextAround } from '../../core/anonymise/context.ts';
import { fieldKind, mapJsonStrings } from '../../core/anonymise/fields.ts';
import { keyValues, quoteIdent, selectKeys, textTables } from './schema.ts';

type Db = Database.Database;

export interface DocumentOccurrence {
  documentId: number;
  document: string;
  start: number;
  end: number;
  match: string;
  replacement: string;
  before: string;
  after: string;
  rule: number;
}
/** An occurrence outside transcripts; the same value in many rows (a speaker on every turn) is one entry with a count. */
export interface FieldOccurrence {
  table: string;
  column: string;
  row: string;
  start: number;
  end: number;
  match: string;
  replacement: string;
  before: string;
  after: string;
  rule: number;
  count: number;
}
export interface Preview {
  occurrences: DocumentOccurrence[];
  fields: FieldOccurrence[];
  /** Occurrences per replacement (same order as the key), transcripts and other fields together. */
  perRule: number[];
  truncated: boolean;
}

export const PREVIEW_LIMIT = 50_000;

// What a row is called in the preview: its name, title or label where it has one.
const LABEL_COLUMNS = ['name', 'title', 'label', 'theme_name', 'speaker', 'key'];

/** Every place the key would change something, without changing anything. */
export function previewOccurrences(db: Db, rules: Rule[], limit = PREVIEW_LIMIT): Preview {
  const perRule = rules.map(() => 0);
  const occurrences: DocumentOccurrence[] = [];
  const fields: FieldOccurrence[] = [];
  let truncated = false;
  if (!rules.length) return { occurrences, fields, perRule, truncated };
  const docs = db.prepare('SELECT id, name, text FROM documents ORDER BY name COLLATE NOCASE, id').iterate() as Iterable<{
    id: number;
    name: string;
    text: string;
  }>;
  for (const d of docs) {
    for (const m of findMatches(d.text, rules)) {
      perRule[m.rule]++;
      if (occurrences.length >= limit) {
        truncated = true;
        continue;
      }
      occurrences.push({
        documentId: d.id,
        document: d.name,
        start: m.start,
        end: m.end,
        match: m.text,
        replacement: m.replace,
        rule: m.rule,
        ...contextAround(d.text, m.start, m.end),
      });
    }
  }
  const merged = new Map<string, FieldOccurrence>();
  for (const t of textTables(db)) {
    const labelCol = LABEL_COLUMNS.find((c) => t.columns.includes(c)) ?? null;
    const cols = t.columns.map(quoteIdent).join(', ');
    const rows = db.prepare(`SELECT ${selectKeys(t)}, ${cols} FROM ${quoteIdent(t.table)}`).iterate() as Iterable<Record<string, unknown>>;
    for (const row of rows) {
      for (const column of t.columns) {
        const v = row[column];
        if (typeof v !== 'string' || !v) continue;
        const f = fieldKind(t.table, column);
        for (const m of f.kind === 'json' ? jsonMatches(v, rules, f.skip ?? []) : findMatches(v, rules).map((x) => ({ m: x, in: v }))) {
          perRule[m.m.rule]++;
          const key = `${t.table}\u0000${column}\u0000${m.in}\u0000${m.m.start}`;
          const seen = merged.get(key);
          if (seen) {
            seen.count++;
            continue;
          }
          if (merged.size >= limit) {
            truncated = true;
            continue;
          }
          const label = labelCol && typeof row[labelCol] === 'string' ? String(row[labelCol]) : `${t.table} ${keyValues(t, row).join('/')}`;
          const o: FieldOccurrence = {
            table: t.table,
            column,
            row: label,
            start: m.m.start,
            end: m.m.end,
            match: m.m.text,
            replacement: m.m.replace,
            rule: m.m.rule,
            count: 1,
            ...contextAround(m.in, m.m.start, m.m.end),
          };
          merged.set(key, o);
          fields.push(o);
        }
      }
    }
  }
  return { occurrences, fields, perRule, truncated };
}

/** Matches in a JSON document's string values (offsets within each string). */
function jsonMatches(value: string, rules: Rule[], skip: string[]): { m: Match; in: string }[] {
  let doc: unknown;
  try {
    doc = JSON.parse(value);
  } catch {
    return findMatches(value, rules).map((m) => ({ m, in: value }));
  }
  const out: { m: Match; in: string }[] = [];
  mapJsonStrings(doc, skip, (v) => {
    for (const m of findMatches(v, rules)) out.push({ m, in: v });
    return v;
  });
  return out;
}
