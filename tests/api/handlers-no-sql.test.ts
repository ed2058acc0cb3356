import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The house plan (ARCHITECTURE.md): a handler gets typed queries and a transaction, never a raw
 * handle. All of a feature's SQL lives in its queries.ts (or the feature's other store modules);
 * src/features/<feature>/handlers.ts and *-handlers.ts hold none.
 */
const root = path.resolve(import.meta.dirname, '../..');
const featuresDir = path.join(root, 'src/features');

/** Every handler file under src/features: handlers.ts and *-handlers.ts, at any depth. */
function handlerFiles(dir = featuresDir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return handlerFiles(p);
    return /(^|-)handlers\.ts$/.test(e.name) ? [p] : [];
  });
}

const RULES: { what: string; re: RegExp }[] = [
  { what: 'a prepared statement (prepare/stmt)', re: /\b(prepare|stmt)\s*\(/ },
  { what: 'raw SQL on a connection (exec/pragma/function/aggregate)', re: /\.(exec|pragma|function|aggregate|backup|serialize)\s*\(/ },
  { what: 'the statement cache imported', re: /import\s*\{[^}]*\bstmt\b[^}]*\}\s*from/ },
  { what: 'SELECT … FROM', re: /\bSELECT\b[\s\S]{0,400}?\bFROM\b/ },
  { what: 'INSERT INTO', re: /\b(INSERT|REPLACE)\s+(OR\s+[A-Z]+\s+)?INTO\b/i },
  { what: 'UPDATE … SET', re: /\bUPDATE\s+[\w"`]+\s+SET\b/i },
  { what: 'DELETE FROM', re: /\bDELETE\s+FROM\b/i },
  { what: 'schema SQL (CREATE/DROP/ALTER)', re: /\b(CREATE|DROP|ALTER)\s+(TABLE|INDEX|TRIGGER|VIEW|TEMP)\b/i },
  { what: 'WITH … AS (', re: /\bWITH\s+(RECURSIVE\s+)?\w+\s+AS\s*\(/ },
  // The connection only passes through a handler, to its feature's queries: nothing is called on it.
  { what: 'the connection used directly', re: /\b(h|tx)\.db\.(?!readonly\b)\w+/ },
];

/** The SQL found in a file's text: one line per finding, "line N: what". */
function sqlIn(text: string): string[] {
  const found: string[] = [];
  for (const { what, re } of RULES) {
    const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
    for (const m of text.matchAll(g)) found.push(`line ${text.slice(0, m.index).split('\n').length}: ${what}: ${m[0].slice(0, 60)}`);
  }
  return found;
}

describe('handlers hold no SQL', () => {
  it('finds the handler files (the guard is looking in the right place)', () => {
    const files = handlerFiles().map((f) => path.relative(root, f));
    expect(files).toEqual(
      expect.arrayContaining([
        'src/features/memos/handlers.ts',
        'src/features/history/handlers.ts',
        'src/features/search/handlers.ts',
        'src/features/reconcile/handlers.ts',
        'src/features/agreement/handlers.ts',
        'src/features/project/handlers.ts',
        'src/features/project/app-handlers.ts',
      ]),
    );
    expect(files.length).toBeGreaterThanOrEqual(17);
  });

  it('catches SQL of every kind a handler might grow', () => {
    const bad = [
      "const n = stmt(h.db, 'SELECT 1').get();",
      "const r = h.db.prepare('SELECT id FROM codes').all();",
      "h.db.exec('VACUUM');",
      "tx.db.pragma('foreign_keys = ON');",
      "import { registerKey, stmt } from '../../store/changes.ts';",
      'const sql = `SELECT id, name\n  FROM codes WHERE id = ?`;',
      "run(tx, 'INSERT INTO memos (title) VALUES (?)');",
      "run(tx, 'insert or ignore into memos (title) values (?)');",
      "run(tx, 'UPDATE codes SET name = ? WHERE id = ?');",
      "run(tx, 'DELETE FROM codings WHERE id = ?');",
      "run(tx, 'CREATE TABLE x (id INTEGER)');",
      "q('WITH RECURSIVE t AS (SELECT 1) SELECT * FROM t');",
      'h.db.transaction(() => move(h.db))();',
      'if (tx.db.inTransaction) return;',
    ];
    for (const b of bad) expect(sqlIn(b), b).not.toEqual([]);
  });

  it('lets through what handlers do say', () => {
    const fine = [
      'h.op(`Delete memo "${m.title || \'untitled\'}"`, (tx) => deleteMemo(tx, i.id));',
      'h.op(`Delete document "${d.name}"`, (tx) => tx.delete(\'documents\', [{ id: i.id }]));',
      "throw new ThematicError('not_found', `select a code from the list`);",
      'const rows = listOperations(h.db, i.limit);',
      'const names = attachedCodes(tx.db, t.id);',
      'return { readOnly: h.db.readonly };',
      'h.op(`Update the codebook from ${file}`, (tx) => apply(tx));',
    ];
    for (const f of fine) expect(sqlIn(f), f).toEqual([]);
  });

  it.each(handlerFiles().map((f) => [path.relative(root, f), f]))("%s has no SQL (it belongs in the feature's queries)", (_rel, file) => {
    expect(sqlIn(fs.readFileSync(file, 'utf8'))).toEqual([]);
  });
});
