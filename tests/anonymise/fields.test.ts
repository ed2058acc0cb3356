import { afterAll, describe, expect, it } from 'vitest';
import { tmpProject } from '../helpers/project.ts';
import { CLEARED_TABLES, FIELDS, isIndexTable, replaceInJson } from '../../src/core/anonymise/fields.ts';
import { compileRules } from '../../src/core/anonymise/rules.ts';
import { dbOf } from '../helpers/db.ts';

const { service } = tmpProject();
afterAll(() => service.close());

describe('which fields an anonymised copy rewrites', () => {
  it('has a decision for every text column of the current schema', () => {
    // A column added by a later migration is rewritten as text by default; this test makes its
    // author decide (text, json, keep) instead of relying on the default.
    const tables = dbOf(service).prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'table'`).all() as {
      name: string;
      sql: string;
    }[];
    const missing: string[] = [];
    for (const { name, sql } of tables) {
      if (isIndexTable(name) || CLEARED_TABLES.includes(name) || /VIRTUAL/i.test(sql)) continue;
      const cols = dbOf(service).prepare('SELECT name, type FROM pragma_table_info(?)').all(name) as { name: string; type: string }[];
      for (const c of cols) if (/TEXT|ANY/i.test(c.type) && !FIELDS[name]?.[c.name]) missing.push(`${name}.${c.name}`);
    }
    expect(missing).toEqual([]);
  });

  it('replaces JSON string values, not keys or structural fields', () => {
    const rules = compileRules([{ find: 'Maria', replace: 'P1', kind: 'name' }]);
    const input = JSON.stringify({ nodes: [{ id: 'Maria', kind: 'theme', label: 'Maria and me' }], Maria: 'Maria' });
    expect(JSON.parse(replaceInJson(input, rules, ['id']))).toEqual({
      nodes: [{ id: 'Maria', kind: 'theme', label: 'P1 and me' }],
      Maria: 'P1',
    });
    expect(replaceInJson('not json, Maria', rules)).toBe('not json, P1');
    expect(replaceInJson('"Maria"', rules)).toBe('"P1"');
  });
});
