import { describe, expect, it } from 'vitest';
import { deriveDependents, dependentsOf, keyColumns, type Dependent } from '../../src/store/changes.ts';
import { NOT_REFERENCES, POLYMORPHIC } from '../../src/store/polymorphic.ts';
import type { Db } from '../../src/store/open.ts';
import { importText, INTERVIEW, snapshot, tmpProject } from '../helpers/project.ts';
import { dbOf } from '../helpers/db.ts';

// Undo captures the rows a delete takes with it. Which rows those are is read from the schema
// (foreign keys) plus one explicit list of polymorphic references (src/store/polymorphic.ts).

const userTables = (db: Db) =>
  (
    db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
  AND name NOT LIKE 'turn_fts%' ORDER BY name`,
      )
      .all() as { name: string }[]
  ).map((r) => r.name);
interface Fk {
  id: number;
  table: string;
  from: string;
  to: string | null;
  on_delete: string;
}
const foreignKeys = (db: Db, t: string) => db.prepare(`SELECT * FROM pragma_foreign_key_list(?) ORDER BY id, seq`).all(t) as Fk[];

const norm = (deps: Record<string, Dependent[]>) =>
  Object.entries(deps)
    .flatMap(([parent, ds]) => ds.map((d) => JSON.stringify([parent, d.table, d.columns, d.parentColumns, d.extra ?? null, !!d.nullify])))
    .sort();

describe('undo dependents derived from the schema', () => {
  it("are exactly the foreign keys of a freshly migrated project (CASCADE, SET NULL, a tree's own parent) plus the polymorphic list", () => {
    const { service } = tmpProject();
    const db = dbOf(service);
    const expected: Record<string, Dependent[]> = {};
    for (const child of userTables(db)) {
      for (const fk of foreignKeys(db, child)) {
        const action = fk.on_delete.toUpperCase();
        const self = fk.table === child;
        if (action !== 'CASCADE' && action !== 'SET NULL' && !self) continue;
        (expected[fk.table] ??= []).push({
          table: child,
          columns: [fk.from],
          parentColumns: [fk.to ?? 'id'],
          ...(action === 'SET NULL' ? { nullify: true } : {}),
        });
      }
    }
    for (const ref of POLYMORPHIC) {
      for (const [kind, parent] of Object.entries(ref.targets)) {
        (expected[parent] ??= []).push({
          table: ref.table,
          columns: [ref.column],
          parentColumns: ['id'],
          extra: { [ref.discriminator]: kind },
        });
      }
    }
    expect(norm(deriveDependents(db))).toEqual(norm(expected));
    service.close();
  });

  it('match the hand-written table they replace (DEPENDENTS plus every registerDependent call)', () => {
    const { service } = tmpProject();
    const d = (table: string, column: string, more: Partial<Dependent> = {}): Dependent => ({
      table,
      columns: [column],
      parentColumns: ['id'],
      ...more,
    });
    const memo = (t: string) => d('memos', 'target_id', { extra: { target_type: t } });
    const guid = (e: string) => d('refi_guids', 'entity_id', { extra: { entity: e } });
    const before: Record<string, Dependent[]> = {
      documents: [
        d('codings', 'document_id'),
        d('turns', 'document_id'),
        d('speaker_participants', 'document_id'),
        memo('document'),
        d('recordings', 'document_id'),
        d('refi_media', 'document_id'),
        guid('document'),
        d('consensus_decisions', 'document_id'),
      ],
      codes: [
        d('codes', 'parent_id'),
        d('codings', 'code_id'),
        memo('code'),
        d('theme_codes', 'code_id'),
        d('consensus_decisions', 'code_id'),
        d('consensus_decisions', 'other_code_id'),
      ],
      codings: [memo('coding'), guid('selection')],
      participants: [
        d('participant_attributes', 'participant_id'),
        d('speaker_participants', 'participant_id'),
        d('documents', 'participant_id', { nullify: true }),
        memo('participant'),
        guid('participant'),
      ],
      themes: [
        d('themes', 'parent_id'),
        d('theme_codes', 'theme_id'),
        d('theme_links', 'from_theme_id'),
        d('theme_links', 'to_theme_id'),
        memo('theme'),
      ],
      coders: [guid('coder')],
      theme_links: [guid('theme_link')],
    };
    expect(norm(dependentsOf(dbOf(service)))).toEqual(norm(before));
    service.close();
  });

  it('row keys are read from the primary keys too (they were registered by hand)', () => {
    const { service } = tmpProject();
    const db = dbOf(service);
    const before: Record<string, string[]> = {
      participant_attributes: ['participant_id', 'key'],
      speaker_participants: ['document_id', 'speaker'],
      project_meta: ['key'],
      theme_codes: ['theme_id', 'code_id'],
      map_positions: ['node_id'],
      refi_media: ['document_id'],
      refi_guids: ['entity', 'entity_id'],
    };
    for (const t of userTables(db)) expect(keyColumns(db, t), t).toEqual(before[t] ?? (t === 'client_operations' ? ['client_id'] : ['id']));
    service.close();
  });

  it("list a tree's sub-nodes first, so undo re-inserts a node before rows that point at it", () => {
    const { service } = tmpProject();
    const deps = dependentsOf(dbOf(service));
    expect(deps.codes[0]).toMatchObject({ table: 'codes', columns: ['parent_id'] });
    expect(deps.themes[0]).toMatchObject({ table: 'themes', columns: ['parent_id'] });
    service.close();
  });

  it('a table added with a foreign key needs no registration: its rows go with the parent and come back on undo', async () => {
    const { service } = tmpProject();
    const db = dbOf(service);
    const doc = await importText(service, 'p4.txt', INTERVIEW, 'P4');
    expect(dependentsOf(db).documents.some((x) => x.table === 'document_notes')).toBe(false);
    db.exec(`CREATE TABLE document_notes (id INTEGER PRIMARY KEY,
      document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE, note TEXT NOT NULL) STRICT`);
    db.prepare('INSERT INTO document_notes (document_id, note) VALUES (?, ?)').run(doc.id, 'a note');
    const before = snapshot(service);
    await service.call('documents.delete', { id: doc.id });
    expect(db.prepare('SELECT COUNT(*) AS n FROM document_notes').get()).toEqual({ n: 0 });
    const after = snapshot(service);
    await service.call('history.undo', {});
    expect(snapshot(service)).toEqual(before);
    await service.call('history.redo', {});
    expect(snapshot(service)).toEqual(after);
    service.close();
  });
});

describe('every reference is known', () => {
  const REFERENCE_LIKE = /(_id|_op)$|^target_|^entity_/;

  /** Columns that look like references but have no foreign key and are in neither explicit list. */
  function unknownReferences(db: Db): string[] {
    const unknown: string[] = [];
    for (const t of userTables(db)) {
      const fkCols = new Set(foreignKeys(db, t).map((f) => f.from));
      const cols = (db.prepare('SELECT name FROM pragma_table_info(?)').all(t) as { name: string }[]).map((c) => c.name);
      for (const c of cols) {
        if (!REFERENCE_LIKE.test(c) || fkCols.has(c)) continue;
        const name = `${t}.${c}`;
        if (POLYMORPHIC.some((r) => r.table === t && (r.column === c || r.discriminator === c)) || name in NOT_REFERENCES) continue;
        unknown.push(name);
      }
    }
    return unknown;
  }

  it('a column that looks like a reference has a foreign key, is in the polymorphic list, or is allowed as a non-reference', () => {
    const { service } = tmpProject();
    expect(unknownReferences(dbOf(service)), 'add each to POLYMORPHIC or NOT_REFERENCES in src/store/polymorphic.ts').toEqual([]);
    service.close();
  });

  it('(the check catches a new polymorphic column)', () => {
    const { service } = tmpProject();
    const db = dbOf(service);
    db.exec(`CREATE TABLE tags (id INTEGER PRIMARY KEY, owner_type TEXT NOT NULL, owner_id INTEGER NOT NULL,
      document_id INTEGER REFERENCES documents(id) ON DELETE CASCADE) STRICT`);
    expect(unknownReferences(db)).toEqual(['tags.owner_id']);
    service.close();
  });

  it('the explicit lists name columns and tables that exist', () => {
    const { service } = tmpProject();
    const db = dbOf(service);
    const has = (t: string, c: string) => !!db.prepare('SELECT 1 FROM pragma_table_info(?) WHERE name = ?').get(t, c);
    for (const r of POLYMORPHIC) {
      expect(has(r.table, r.column), `${r.table}.${r.column}`).toBe(true);
      expect(has(r.table, r.discriminator), `${r.table}.${r.discriminator}`).toBe(true);
      for (const parent of Object.values(r.targets)) expect(has(parent, 'id'), parent).toBe(true);
    }
    for (const name of Object.keys(NOT_REFERENCES)) {
      const [t, c] = name.split('.');
      expect(has(t, c), name).toBe(true);
    }
    service.close();
  });

  it('every memo target kind with a table is followed', () => {
    const { service } = tmpProject();
    const sql = (dbOf(service).prepare(`SELECT sql FROM sqlite_master WHERE name = 'memos'`).get() as { sql: string }).sql;
    const kinds = /target_type IN \(([^)]*)\)/
      .exec(sql)![1]
      .split(',')
      .map((s) => s.trim().replace(/'/g, ''));
    const followed = Object.keys(POLYMORPHIC.find((r) => r.table === 'memos')!.targets);
    expect(kinds.filter((k) => !followed.includes(k)).sort()).toEqual(['phase', 'project']);
    service.close();
  });
});

describe('undo and redo of a delete restore every dependent row', () => {
  async function seeded() {
    const { service } = tmpProject();
    const db = dbOf(service);
    const doc = await importText(service, 'p4.txt', INTERVIEW, 'P4');
    const parent = await service.call('codes.create', { name: 'Trust' });
    const child = await service.call('codes.create', { name: 'Language', parentId: parent.id });
    const other = await service.call('codes.create', { name: 'Return visits' });
    const coding = await service.call('codings.create', { documentId: doc.id, codeId: child.id, coder: 'Amira', start: 10, end: 30 });
    await service.call('codings.create', { documentId: doc.id, codeId: parent.id, coder: 'Ben', start: 5, end: 25 });
    await service.call('memos.create', { targetType: 'code', targetId: child.id, title: 'c', body: 'b' });
    await service.call('memos.create', { targetType: 'document', targetId: doc.id, title: 'd', body: 'b' });
    await service.call('memos.create', { targetType: 'coding', targetId: coding.id, title: 'k', body: 'b' });
    const p = (await service.call('participants.list', {}))[0];
    await service.call('speakers.link', { documentId: doc.id, speaker: 'P4', participantId: p.id });
    await service.call('memos.create', { targetType: 'participant', targetId: p.id, title: 'p', body: 'b' });
    const core = await service.call('themes.create', { kind: 'core', name: 'Bridge' });
    const group = await service.call('themes.create', { kind: 'group', parentId: core.id, name: 'Functions' });
    const theme = await service.call('themes.create', {
      kind: 'theme',
      parentId: group.id,
      name: 'Advocacy',
      codeIds: [child.id, other.id],
    });
    const outside = await service.call('themes.create', { kind: 'core', name: 'Elsewhere' });
    await service.call('memos.create', { targetType: 'theme', targetId: theme.id, title: 't', body: 'b' });
    const link = await service.call('themes.addLink', { fromId: outside.id, toId: theme.id, label: 'feeds' });
    // rows only imports and reconciliation write, put in directly
    const now = new Date().toISOString();
    const guid = db.prepare('INSERT INTO refi_guids (entity, entity_id, guid) VALUES (?, ?, ?)');
    guid.run('document', doc.id, 'g-doc');
    guid.run('selection', coding.id, 'g-sel');
    guid.run('participant', p.id, 'g-part');
    guid.run('theme_link', link.id, 'g-link');
    db.prepare(`INSERT INTO refi_media (document_id, kind, source_guid, created_at) VALUES (?, 'audio', 'g-src', ?)`).run(doc.id, now);
    db.prepare(
      `INSERT INTO consensus_decisions (disagreement_key, document_id, code_id, other_code_id, coder_a, coder_b,
      consensus_coder, kind, decided_by, decided_at) VALUES ('k', ?, ?, ?, 'Amira', 'Ben', 'Consensus', 'keep-a', 'Amira', ?)`,
    ).run(doc.id, parent.id, child.id, now);
    return { service, db, doc, parent, child, p, core };
  }

  const cases: [
    string,
    (c: Awaited<ReturnType<typeof seeded>>) => Promise<unknown>,
    (c: Awaited<ReturnType<typeof seeded>>) => [string, number][],
  ][] = [
    [
      'a document',
      (c) => c.service.call('documents.delete', { id: c.doc.id }),
      () => [
        ['turns', 0],
        ['codings', 0],
        ['speaker_participants', 0],
        ['refi_media', 0],
        ['consensus_decisions', 0],
        ['refi_guids', 2],
        ['memos', 3],
      ],
    ],
    [
      'a code with a sub-code',
      (c) => c.service.call('codes.delete', { id: c.parent.id, withCodings: true }),
      () => [
        ['codes', 1],
        ['codings', 0],
        ['theme_codes', 1],
        ['consensus_decisions', 0],
        ['refi_guids', 3],
        ['memos', 3],
      ],
    ],
    [
      'a theme tree',
      (c) => c.service.call('themes.delete', { id: c.core.id }),
      () => [
        ['themes', 1],
        ['theme_codes', 0],
        ['theme_links', 0],
        ['refi_guids', 3],
        ['memos', 4],
      ],
    ],
    [
      'a participant (documents keep their rows, the reference is nulled)',
      (c) => c.service.call('participants.delete', { id: c.p.id }),
      () => [
        ['participants', 0],
        ['speaker_participants', 0],
        ['documents', 1],
        ['refi_guids', 3],
        ['memos', 4],
      ],
    ],
  ];

  for (const [what, del, counts] of cases) {
    it(what, async () => {
      const c = await seeded();
      const before = snapshot(c.service);
      await del(c);
      for (const [t, n] of counts(c)) expect((c.db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n, t).toBe(n);
      const after = snapshot(c.service);
      await c.service.call('history.undo', {});
      expect(snapshot(c.service)).toEqual(before);
      await c.service.call('history.redo', {});
      expect(snapshot(c.service)).toEqual(after);
      await c.service.call('history.undo', {});
      expect(snapshot(c.service)).toEqual(before);
      c.service.close();
    });
  }

  it("a participant delete nulls the document's reference and undo restores it", async () => {
    const c = await seeded();
    expect(c.db.prepare('SELECT participant_id FROM documents WHERE id = ?').get(c.doc.id)).toEqual({ participant_id: c.p.id });
    await c.service.call('participants.delete', { id: c.p.id });
    expect(c.db.prepare('SELECT participant_id FROM documents WHERE id = ?').get(c.doc.id)).toEqual({ participant_id: null });
    await c.service.call('history.undo', {});
    expect(c.db.prepare('SELECT participant_id FROM documents WHERE id = ?').get(c.doc.id)).toEqual({ participant_id: c.p.id });
    c.service.close();
  });
});
