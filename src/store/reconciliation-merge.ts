// Merging a coder's copy back: documents match by content hash, codes by stable id then by name,
// coders by name. Nothing is guessed: a document that is not in this project, a code the coder
// added, a code the coder renamed, are listed as conflicts; codings on unmatched documents or on
// added codes (unless the user accepts the added codes) are left out. Codings keep their stable
// id, so merging the same file twice adds nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from './open.ts';
import type { Tx } from './operations.ts';
import { coderId } from './codings.ts';
import { nowIso } from './rows.ts';
import { ThematicError } from './errors.ts';

export interface MergeConflict { kind: 'document-missing' | 'document-differs' | 'code-renamed' | 'code-added'; name: string; detail: string; codings: number }

interface CopyCode { id: number; guid: string; name: string; color: string; definition: string; parent_guid: string | null }
interface CopyCoding { guid: string; document_id: number; code_id: number; coder: string; start: number; end: number; created_at: string }

export interface MergePlan {
  conflicts: MergeConflict[];
  coders: string[];
  newCodes: CopyCode[];
  codings: Array<CopyCoding & { target_document: number; target_code: number | string }>;
  duplicates: number;
  skipped: number;
  memosNotMerged: number;
}

export function readCopy(bytes: Buffer, main: Db, addNewCodes: boolean): MergePlan {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thematic-merge-'));
  const file = path.join(dir, 'copy.thematic');
  fs.writeFileSync(file, bytes);
  let copy: Database.Database;
  try {
    copy = new Database(file, { readonly: true, fileMustExist: true });
    copy.prepare('SELECT 1 FROM codings LIMIT 1').get();
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new ThematicError('invalid_input', `not a Thematic project file (${(e as Error).message})`);
  }
  try {
    const conflicts: MergeConflict[] = [];
    const docs = copy.prepare('SELECT id, name, sha256 FROM documents').all() as { id: number; name: string; sha256: string }[];
    const codings = copy.prepare(`SELECT g.guid, g.document_id, g.code_id, k.name AS coder, g.start, g.end, g.created_at FROM codings g JOIN coders k ON k.id = g.coder_id ORDER BY g.id`).all() as CopyCoding[];
    const count = (f: (c: CopyCoding) => boolean) => codings.filter(f).length;
    const docMap = new Map<number, number>();
    for (const d of docs) {
      const m = main.prepare('SELECT id FROM documents WHERE sha256 = ? ORDER BY id LIMIT 1').get(d.sha256) as { id: number } | undefined;
      if (m) { docMap.set(d.id, m.id); continue; }
      const same = main.prepare('SELECT 1 FROM documents WHERE name = ?').get(d.name);
      conflicts.push({ kind: same ? 'document-differs' : 'document-missing', name: d.name, codings: count((c) => c.document_id === d.id),
        detail: same ? 'a document of this name here has different text; its codings were not merged' : 'not in this project; its codings were not merged' });
    }
    const codes = copy.prepare('SELECT c.id, c.guid, c.name, c.color, c.definition, p.guid AS parent_guid FROM codes c LEFT JOIN codes p ON p.id = c.parent_id ORDER BY c.id').all() as CopyCode[];
    const codeMap = new Map<number, number | string>();
    const newCodes: CopyCode[] = [];
    for (const c of codes) {
      const byGuid = main.prepare('SELECT id, name FROM codes WHERE guid = ?').get(c.guid) as { id: number; name: string } | undefined;
      if (byGuid) {
        codeMap.set(c.id, byGuid.id);
        if (byGuid.name !== c.name) conflicts.push({ kind: 'code-renamed', name: byGuid.name, codings: count((x) => x.code_id === c.id), detail: `renamed to "${c.name}" in the copy; kept as "${byGuid.name}", codings merged` });
        continue;
      }
      const byName = main.prepare('SELECT id FROM codes WHERE lower(name) = lower(?)').get(c.name) as { id: number } | undefined;
      if (byName) { codeMap.set(c.id, byName.id); continue; }
      conflicts.push({ kind: 'code-added', name: c.name, codings: count((x) => x.code_id === c.id),
        detail: addNewCodes ? 'added to this project with its codings' : 'new in the copy; not added (accept added codes to merge it and its codings)' });
      if (addNewCodes) { newCodes.push(c); codeMap.set(c.id, c.guid); }
    }
    const plan: MergePlan = { conflicts, coders: [], newCodes, codings: [], duplicates: 0, skipped: 0, memosNotMerged: (copy.prepare('SELECT COUNT(*) AS n FROM memos').get() as { n: number }).n };
    const guidSeen = main.prepare('SELECT 1 FROM codings WHERE guid = ?');
    for (const c of codings) {
      const d = docMap.get(c.document_id);
      const k = codeMap.get(c.code_id);
      if (d === undefined || k === undefined) { plan.skipped++; continue; }
      if (guidSeen.get(c.guid)) { plan.duplicates++; continue; }
      plan.codings.push({ ...c, target_document: d, target_code: k });
    }
    plan.coders = [...new Set(plan.codings.map((c) => c.coder))].sort();
    return plan;
  } finally {
    copy.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function applyMerge(tx: Tx, plan: MergePlan): number {
  const created = new Map<string, number>();
  for (const c of plan.newCodes) {
    const parent = c.parent_guid ? ((tx.db.prepare('SELECT id FROM codes WHERE guid = ?').get(c.parent_guid) as { id: number } | undefined)?.id ?? created.get(c.parent_guid) ?? null) : null;
    created.set(c.guid, tx.insert('codes', { guid: c.guid, parent_id: parent, name: c.name, color: c.color, definition: c.definition, created_at: nowIso() }));
  }
  let n = 0;
  for (const c of plan.codings) {
    const code = typeof c.target_code === 'number' ? c.target_code : created.get(c.target_code)!;
    tx.insert('codings', { guid: c.guid, document_id: c.target_document, code_id: code, coder_id: coderId(tx, c.coder), start: c.start, end: c.end, created_at: c.created_at });
    n++;
  }
  return n;
}
