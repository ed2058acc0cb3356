// Issue 13: the .qdpx export (REFI-QDA plus Thematic's extension entry) is a real backup format.
// Property: for random projects, export then import into a new project gives every row of every
// table back. Rows are compared with their integer ids replaced by what they point at (a GUID, or the
// referenced row's own content), since a new project numbers its rows afresh.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Service } from '../../src/api/service.ts';
import { tmpProject } from '../helpers/project.ts';
import { asTxt, interview } from '../../bench/corpus.ts';
import { rng } from '../../bench/kit.ts';
import { dbOf } from '../helpers/db.ts';

/**
 * Not project content: the undo history (an import is one new operation), and the bookkeeping of
 * derived REFI GUIDs (a per-project random salt before export, the GUIDs themselves after import;
 * the GUIDs are the same, see roundtrip.test.ts).
 */
const NOT_CONTENT = new Set(['operations', 'refi_guids']);
const MEMO_TARGET: Record<string, string> = {
  document: 'documents',
  code: 'codes',
  theme: 'themes',
  coding: 'codings',
  participant: 'participants',
};

function canonical(db: Service['db']): Record<string, string[]> {
  const tables = (
    db
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'turn_fts%' ORDER BY name",
      )
      .all() as { name: string }[]
  )
    .map((r) => r.name)
    .filter((t) => !NOT_CONTENT.has(t));
  const fks = new Map(
    tables.map((t) => [
      t,
      new Map((db.pragma(`foreign_key_list("${t}")`) as { from: string; table: string }[]).map((f) => [f.from, f.table])),
    ]),
  );
  fks.get('theme_events')!.set('theme_id', 'themes'); // kept after a theme is deleted: no FK, still a reference
  const keys = new Map<string, string>();
  const key = (table: string, id: unknown): string => {
    if (id === null || id === undefined) return 'null';
    const k = `${table}#${id}`;
    if (!keys.has(k)) {
      const row = db.prepare(`SELECT * FROM "${table}" WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
      keys.set(
        k,
        !row
          ? `${table}:missing`
          : row.guid
            ? `${table}:${row.guid}`
            : `${table}:${createHash('sha256')
                .update(JSON.stringify(mapRow(table, row)))
                .digest('hex')
                .slice(0, 16)}`,
      );
    }
    return keys.get(k)!;
  };
  const mapRow = (table: string, row: Record<string, unknown>): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [col, v] of Object.entries(row)) {
      if (col === 'id') continue;
      const parent = fks.get(table)!.get(col);
      if (parent) out[col] = key(parent, v);
      else if (table === 'memos' && col === 'target_id')
        out[col] = MEMO_TARGET[row.target_type as string] ? key(MEMO_TARGET[row.target_type as string], v) : v;
      else if (table === 'consensus_decisions' && col === 'coding_ids')
        out[col] = (JSON.parse(v as string) as number[]).map((c) => key('codings', c)).sort();
      else if (table === 'consensus_decisions' && col === 'disagreement_key') out[col] = String(v).replace(/^\d+:\d+(\/\d+)?:/, '');
      else out[col] = v;
    }
    return out;
  };
  return Object.fromEntries(
    tables.map((t) => [
      t,
      (db.prepare(`SELECT * FROM "${t}"`).all() as Record<string, unknown>[])
        .filter((r) => !(t === 'project_meta' && r.key === 'refi_guid_salt'))
        .map((r) => JSON.stringify(mapRow(t, r)))
        .sort(),
    ]),
  );
}

/** A random project: documents, participants with attributes, a code tree, two coders' codings, themes, links, memos, decisions. */
async function randomProject(seed: number): Promise<Service> {
  const r = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const { service: s } = tmpProject();
  const people = [];
  for (let k = 0; k < 1 + Math.floor(r() * 4); k++) {
    people.push(
      await s.call('participants.create', {
        label: `P${seed}-${k}`,
        attributes: { group: pick(['patient', 'family', 'staff']), site: `site ${Math.floor(r() * 3)}` },
      }),
    );
  }
  const docs = [];
  for (let k = 0; k < 1 + Math.floor(r() * 3); k++) {
    const text = asTxt(interview(seed * 10 + k, 300 + Math.floor(r() * 600), `P${k}`));
    const d = (
      await s.call('documents.import', {
        files: [{ name: `doc-${seed}-${k}.txt`, contentBase64: Buffer.from(text).toString('base64') }],
        participant: pick(people).label,
      })
    ).documents[0];
    docs.push(d);
  }
  const codes: { id: number }[] = [];
  for (let k = 0; k < 3 + Math.floor(r() * 8); k++) {
    codes.push(
      await s.call('codes.create', {
        name: `code ${seed}.${k}`,
        parentId: codes.length && r() < 0.4 ? pick(codes).id : null,
        definition: r() < 0.5 ? `defined ${k}` : undefined,
        whenToUse: r() < 0.3 ? 'when it fits' : undefined,
        inVivo: r() < 0.2,
      }),
    );
  }
  for (let k = 0; k < 10 + Math.floor(r() * 40); k++) {
    const d = pick(docs);
    const start = Math.floor(r() * (d.charLength - 60));
    const code = pick(codes).id;
    await s.call('codings.create', { documentId: d.id, codeId: code, coder: 'Amira', start, end: start + 10 + Math.floor(r() * 50) });
    if (r() < 0.7)
      await s.call('codings.create', {
        documentId: d.id,
        codeId: r() < 0.8 ? code : pick(codes).id,
        coder: 'Ben',
        start: start + Math.floor(r() * 5),
        end: start + 12 + Math.floor(r() * 50),
      });
  }
  const themes = [];
  for (let k = 0; k < 1 + Math.floor(r() * 3); k++) {
    themes.push(await s.call('themes.create', { kind: 'theme', name: `theme ${seed}.${k}`, codeIds: [pick(codes).id], why: 'grouping' }));
  }
  if (themes.length > 1) await s.call('themes.addLink', { fromId: themes[0].id, toId: themes[1].id, label: 'leads to' });
  const coding = (await s.call('codings.list', {}))[0];
  for (const [targetType, targetId] of [
    ['project', null],
    ['document', docs[0].id],
    ['code', codes[0].id],
    ['theme', themes[0].id],
    ['coding', coding.id],
    ['participant', people[0].id],
  ] as const) {
    if (r() < 0.7)
      await s.call('memos.create', {
        targetType,
        targetId,
        title: `on ${targetType}`,
        body: `memo ${seed}`,
        author: pick(['Amira', 'Ben', 'Someone']),
      });
  }
  const open = (await s.call('reconcile.list', { coderA: 'Amira', coderB: 'Ben', status: 'open' })).items;
  for (const it of open.slice(0, Math.floor(r() * 3)))
    await s.call('reconcile.decide', {
      coderA: 'Amira',
      coderB: 'Ben',
      key: it.key,
      kind: pick(['keep-a', 'keep-b', 'union'] as const),
      rationale: 'decided',
    });
  return s;
}

describe('a .qdpx export is a complete backup', () => {
  for (const seed of [11, 23, 37, 51]) {
    it(`random project ${seed}: every row of every table comes back`, async () => {
      const a = await randomProject(seed);
      const out = await a.call('refi.export', { format: 'qdpx' });
      const { service: b } = tmpProject();
      const r = await b.call('refi.import', { fileName: out.fileName, contentBase64: out.contentBase64 });
      expect(r.notCarried).toEqual([]);
      const [ca, cb] = [canonical(dbOf(a)), canonical(dbOf(b))];
      expect(Object.keys(cb)).toEqual(Object.keys(ca));
      for (const t of Object.keys(ca)) expect(cb[t], t).toEqual(ca[t]);
      expect(ca.codings.length).toBeGreaterThan(10);
      a.close();
      b.close();
    });
  }
});
