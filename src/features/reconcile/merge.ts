// Merging a coder's copy back: documents match by content hash, codes by stable id then by name,
// coders by name. Nothing is guessed: a document that is not in this project, a code the coder
// added, a code the coder renamed, are listed as conflicts; codings on unmatched documents or on
// added codes (unless the user accepts the added codes) are left out. Codings keep their stable
// id, so merging the same file twice adds nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from '../../store/open.ts';
import type { Tx } from '../../store/operations.ts';
import { coderId } from '../participants/coders.ts';
import { nowIso } from '../../store/rows.ts';
import { ThematicError } from '../../core/errors.ts';
import { stmt } from '../../store/changes.ts';
import { writeError } from '../../lib/atomic-write.ts';
import { checkCopyCode, checkCopySpan, openReceivedCopy } from './received-copy.ts';

export interface MergeConflict {
  kind: 'document-missing' | 'document-differs' | 'code-renamed' | 'code-added';
  name: string;
  detail: string;
  codings: number;
}

interface CopyCode {
  id: number;
  guid: string;
  name: string;
  color: string;
  definition: string;
  parent_guid: string | null;
}
interface CopyCoding {
  guid: string;
  document_id: number;
  code_id: number;
  coder: string;
  start: number;
  end: number;
  created_at: string;
}

export interface MergePlan {
  conflicts: MergeConflict[];
  coders: string[];
  newCodes: CopyCode[];
  codings: Array<CopyCoding & { target_document: number; target_code: number | string }>;
  duplicates: number;
  skipped: number;
  memosNotMerged: number;
  /** Memos of the copy not in this project (by stable id), with where they belong here. */
  memos: Array<{
    guid: string;
    target_type: string;
    target: number | string | null;
    title: string;
    body: string;
    author: string;
    created_at: string;
    updated_at: string;
  }>;
}

export function readCopy(bytes: Buffer, main: Db, addNewCodes: boolean, label = 'the coder copy'): MergePlan {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thematic-merge-'));
  const file = path.join(dir, 'copy.thematic');
  try {
    fs.writeFileSync(file, bytes);
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw writeError(e, file);
  }
  let copy: Database.Database;
  try {
    copy = openReceivedCopy(file, label);
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  try {
    const conflicts: MergeConflict[] = [];
    const docs = copy.prepare('SELECT id, name, sha256 FROM documents').all() as { id: number; name: string; sha256: string }[];
    const codings = copy
      .prepare(
        `SELECT g.guid, g.document_id, g.code_id, k.name AS coder, g.start, g.end, g.created_at FROM codings g JOIN coders k ON k.id = g.coder_id ORDER BY g.id`,
      )
      .all() as CopyCoding[];
    // Codings per document and per code, counted once (not a pass over all codings per conflict).
    const perDoc = new Map<number, number>(),
      perCode = new Map<number, number>();
    for (const c of codings) {
      perDoc.set(c.document_id, (perDoc.get(c.document_id) ?? 0) + 1);
      perCode.set(c.code_id, (perCode.get(c.code_id) ?? 0) + 1);
    }
    const docMap = new Map<number, number>();
    const docText = new Map<number, { name: string; length: number }>();
    for (const d of docs) {
      const m = stmt(main, 'SELECT id, name, char_length FROM documents WHERE sha256 = ? ORDER BY id LIMIT 1').get(d.sha256) as
        { id: number; name: string; char_length: number } | undefined;
      if (m) {
        docMap.set(d.id, m.id);
        docText.set(m.id, { name: m.name, length: m.char_length });
        continue;
      }
      const same = stmt(main, 'SELECT 1 FROM documents WHERE name = ?').get(d.name);
      conflicts.push({
        kind: same ? 'document-differs' : 'document-missing',
        name: d.name,
        codings: perDoc.get(d.id) ?? 0,
        detail: same
          ? 'a document of this name here has different text; its codings were not merged'
          : 'not in this project; its codings were not merged',
      });
    }
    const codes = copy
      .prepare(
        'SELECT c.id, c.guid, c.name, c.color, c.definition, p.guid AS parent_guid FROM codes c LEFT JOIN codes p ON p.id = c.parent_id ORDER BY c.id',
      )
      .all() as CopyCode[];
    const codeMap = new Map<number, number | string>();
    const newCodes: CopyCode[] = [];
    for (const c of codes) {
      const byGuid = stmt(main, 'SELECT id, name FROM codes WHERE guid = ?').get(c.guid) as { id: number; name: string } | undefined;
      if (byGuid) {
        codeMap.set(c.id, byGuid.id);
        if (byGuid.name !== c.name)
          conflicts.push({
            kind: 'code-renamed',
            name: byGuid.name,
            codings: perCode.get(c.id) ?? 0,
            detail: `renamed to "${c.name}" in the copy; kept as "${byGuid.name}", codings merged`,
          });
        continue;
      }
      const byName = stmt(main, 'SELECT id FROM codes WHERE lower(name) = lower(?)').get(c.name) as { id: number } | undefined;
      if (byName) {
        codeMap.set(c.id, byName.id);
        continue;
      }
      conflicts.push({
        kind: 'code-added',
        name: c.name,
        codings: perCode.get(c.id) ?? 0,
        detail: addNewCodes
          ? 'added to this project with its codings'
          : 'new in the copy; not added (accept added codes to merge it and its codings)',
      });
      if (addNewCodes) {
        checkCopyCode(c, label);
        newCodes.push(c);
        codeMap.set(c.id, c.guid);
      }
    }
    const plan: MergePlan = { conflicts, coders: [], newCodes, codings: [], duplicates: 0, skipped: 0, memosNotMerged: 0, memos: [] };
    const guidSeen = stmt(main, 'SELECT 1 FROM codings WHERE guid = ?');
    for (const c of codings) {
      const d = docMap.get(c.document_id);
      const k = codeMap.get(c.code_id);
      if (d === undefined || k === undefined) {
        plan.skipped++;
        continue;
      }
      const t = docText.get(d)!;
      checkCopySpan(c, t.name, t.length, label);
      if (guidSeen.get(c.guid)) {
        plan.duplicates++;
        continue;
      }
      plan.codings.push({ ...c, target_document: d, target_code: k });
    }
    plan.coders = [...new Set(plan.codings.map((c) => c.coder))].sort();
    planMemos(copy, main, plan, docMap, codeMap);
    return plan;
  } finally {
    copy.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function applyMerge(tx: Tx, plan: MergePlan): number {
  const created = new Map<string, number>();
  for (const c of plan.newCodes) {
    const parent = c.parent_guid
      ? ((stmt(tx.db, 'SELECT id FROM codes WHERE guid = ?').get(c.parent_guid) as { id: number } | undefined)?.id ??
        created.get(c.parent_guid) ??
        null)
      : null;
    created.set(
      c.guid,
      tx.insert('codes', { guid: c.guid, parent_id: parent, name: c.name, color: c.color, definition: c.definition, created_at: nowIso() }),
    );
  }
  let n = 0;
  for (const c of plan.codings) {
    const code = typeof c.target_code === 'number' ? c.target_code : created.get(c.target_code)!;
    tx.insert('codings', {
      guid: c.guid,
      document_id: c.target_document,
      code_id: code,
      coder_id: coderId(tx, c.coder),
      start: c.start,
      end: c.end,
      created_at: c.created_at,
    });
    n++;
  }
  applyMemos(tx, plan, created);
  return n;
}

type MemoRow = {
  guid: string;
  target_type: string;
  target_id: number | null;
  title: string;
  body: string;
  author: string;
  created_at: string;
  updated_at: string;
};

/**
 * A memo comes along when its target is here too: the project, a phase, a matched document,
 * code (or one being added), coding (by stable id, already here or merged now), participant
 * (by label) or theme (by stable id). The rest are counted as not merged, never attached elsewhere.
 */
function planMemos(
  copy: Database.Database,
  main: Db,
  plan: MergePlan,
  docMap: Map<number, number>,
  codeMap: Map<number, number | string>,
): void {
  const merging = new Set(plan.codings.map((c) => c.guid));
  const guidOf = (table: string, id: number | null) =>
    id === null ? undefined : (stmt(copy, `SELECT guid FROM ${table} WHERE id = ?`).get(id) as { guid: string } | undefined)?.guid;
  for (const m of copy
    .prepare('SELECT guid, target_type, target_id, title, body, author, created_at, updated_at FROM memos ORDER BY id')
    .all() as MemoRow[]) {
    if (stmt(main, 'SELECT 1 FROM memos WHERE guid = ?').get(m.guid)) continue;
    let target: number | string | null | undefined;
    switch (m.target_type) {
      case 'project':
      case 'phase':
        target = m.target_id;
        break;
      case 'document':
        target = m.target_id === null ? undefined : docMap.get(m.target_id);
        break;
      case 'code':
        target = m.target_id === null ? undefined : codeMap.get(m.target_id);
        break;
      case 'coding': {
        const g = guidOf('codings', m.target_id);
        const here = g ? (stmt(main, 'SELECT id FROM codings WHERE guid = ?').get(g) as { id: number } | undefined) : undefined;
        target = here ? here.id : g && merging.has(g) ? `coding:${g}` : undefined;
        break;
      }
      case 'theme': {
        const g = guidOf('themes', m.target_id);
        target = g ? (stmt(main, 'SELECT id FROM themes WHERE guid = ?').get(g) as { id: number } | undefined)?.id : undefined;
        break;
      }
      case 'participant': {
        const label =
          m.target_id === null
            ? undefined
            : (stmt(copy, 'SELECT label FROM participants WHERE id = ?').get(m.target_id) as { label: string } | undefined)?.label;
        target = label
          ? (stmt(main, 'SELECT id FROM participants WHERE label = ?').get(label) as { id: number } | undefined)?.id
          : undefined;
        break;
      }
    }
    if (target === undefined) {
      plan.memosNotMerged++;
      continue;
    }
    plan.memos.push({ ...m, target });
  }
}

function applyMemos(tx: Tx, plan: MergePlan, createdCodes: Map<string, number>): number {
  for (const m of plan.memos) {
    let target: number | null;
    if (typeof m.target === 'string' && m.target.startsWith('coding:')) {
      target = (stmt(tx.db, 'SELECT id FROM codings WHERE guid = ?').get(m.target.slice(7)) as { id: number }).id;
    } else if (typeof m.target === 'string') target = createdCodes.get(m.target)!;
    else target = m.target;
    tx.insert('memos', {
      guid: m.guid,
      target_type: m.target_type,
      target_id: target,
      title: m.title,
      body: m.body,
      author: m.author,
      created_at: m.created_at,
      updated_at: m.updated_at,
    });
  }
  return plan.memos.length;
}
