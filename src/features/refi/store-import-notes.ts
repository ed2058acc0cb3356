import { stmt } from '../../store/changes.ts';
import type { Tx } from '../../store/operations.ts';
import { nowIso } from '../../store/rows.ts';
import type { RefiProject } from './model.ts';
import type { Extensions } from './extensions.ts';
import type { ReportItem } from '../../core/refi-report.ts';

// Notes -> memos on what their NoteRef points at (source -> document, selection -> coding,
// code -> code, theme code -> theme, case -> participant, nothing -> project); in a Thematic
// export extensions.json names the exact target.

/** Descriptions Thematic has no field for (project, case, source, selection) become memos on the same thing. */
export function descriptionMemos(
  tx: Tx,
  p: RefiProject,
  docs: Map<string, number>,
  selections: Map<string, number>,
  cases: Map<string, number>,
): number {
  const at = nowIso();
  let n = 0;
  const memo = (type: string, id: number | null, title: string, body: string | undefined) => {
    if (!body?.trim()) return;
    tx.insert('memos', {
      guid: crypto.randomUUID(),
      target_type: type,
      target_id: id,
      title,
      body,
      author: '',
      created_at: at,
      updated_at: at,
    });
    n++;
  };
  memo('project', null, `Description of ${p.name}`, p.description);
  for (const c of p.cases) memo('participant', cases.get(c.guid.toLowerCase()) ?? null, 'Case description', c.description);
  for (const s of p.sources) {
    if (s.kind !== 'text' || !docs.has(s.guid.toLowerCase())) continue;
    memo('document', docs.get(s.guid.toLowerCase())!, 'Source description', s.description);
    for (const sel of s.selections)
      if (selections.has(sel.guid.toLowerCase()))
        memo('coding', selections.get(sel.guid.toLowerCase())!, sel.name?.trim() || 'Selection description', sel.description);
  }
  return n;
}

export interface Targets {
  docIds: Map<string, number>;
  selectionCoding: Map<string, number>;
  codeIds: Map<string, number>;
  themeIds: Map<string, number>;
  participantIds: Map<string, number>;
  userName: Map<string, string>;
  /** Coding guids as in the file (lower case) -> coding id. */
  codingOf: Map<string, number>;
  /** Selections without a code (lower case guid) -> where they were. */
  uncoded: Map<string, { documentId: number; start: number; end: number }>;
}

/**
 * Notes -> memos on what their NoteRef points at (none: a project memo). A note on a Coding hangs
 * on that coding; on a selection without a code, on its document (the report says which text);
 * on anything that did not come in, on the project (the report says so).
 */
export function importNotes(tx: Tx, p: RefiProject, ext: Extensions | undefined, t: Targets, report: ReportItem[]): number {
  const target = new Map<string, string>();
  for (const r of p.noteRefs) if (!target.has(r.noteGuid.toLowerCase())) target.set(r.noteGuid.toLowerCase(), r.targetGuid);
  for (const s of p.sources)
    if (s.kind === 'text') {
      for (const n of s.noteGuids) target.set(n.toLowerCase(), s.guid);
      for (const sel of s.selections) for (const n of sel.noteGuids) target.set(n.toLowerCase(), sel.guid);
    }
  // Theme ids are keyed by GUID as written; the other maps by lower case. Built once, not per note.
  const themeIds = new Map<string, number>();
  for (const [k, id] of t.themeIds) if (!themeIds.has(k.toLowerCase())) themeIds.set(k.toLowerCase(), id);
  const docText = (id: number) => (stmt(tx.db, 'SELECT text FROM documents WHERE id = ?').get(id) as { text: string }).text;
  const docName = (id: number) => (stmt(tx.db, 'SELECT name FROM documents WHERE id = ?').get(id) as { name: string }).name;
  const resolve = (guid: string | undefined): { type: string; id: number | null; why?: string } => {
    const g = guid?.toLowerCase() ?? '';
    if (t.docIds.has(g)) return { type: 'document', id: t.docIds.get(g)! };
    if (t.selectionCoding.has(g)) return { type: 'coding', id: t.selectionCoding.get(g)! };
    if (t.codingOf.has(g)) return { type: 'coding', id: t.codingOf.get(g)! };
    if (themeIds.has(g)) return { type: 'theme', id: themeIds.get(g)! };
    if (t.codeIds.has(g)) return { type: 'code', id: t.codeIds.get(g)! };
    if (t.participantIds.has(g)) return { type: 'participant', id: t.participantIds.get(g)! };
    const sel = t.uncoded.get(g);
    if (sel) {
      const words = docText(sel.documentId).slice(sel.start, sel.end);
      const quote = words.length > 60 ? `${words.slice(0, 57)}...` : words;
      return {
        type: 'document',
        id: sel.documentId,
        why: `it was on a selection without a code ("${quote}", characters ${sel.start}-${sel.end}), which Thematic cannot keep; it is now a memo on its document "${docName(sel.documentId)}"`,
      };
    }
    if (g) return { type: 'project', id: null, why: `what it was attached to (${guid}) did not come in; it is now a project memo` };
    return { type: 'project', id: null };
  };
  const taken = new Set((stmt(tx.db, 'SELECT guid FROM memos').all() as { guid: string }[]).map((r) => r.guid));
  let n = 0;
  for (const note of p.notes) {
    const x = ext?.memos[note.guid];
    let where = resolve(target.get(note.guid.toLowerCase()));
    if (x && x.targetType === 'phase') where = { type: 'phase', id: x.targetId };
    else if (x && x.targetType === 'project') where = { type: 'project', id: null };
    else if (x && x.targetGuid && x.targetType !== 'coding') where = resolve(x.targetGuid);
    // The same note imported before (same GUID) is not copied again.
    if (taken.has(note.guid)) continue;
    taken.add(note.guid);
    if (where.why && !x) report.push({ kind: 'note-anchor', name: `note "${note.name?.trim() || note.guid}"`, detail: where.why });
    const at = note.creationDateTime ?? nowIso();
    const guid = note.guid;
    tx.insert('memos', {
      guid,
      target_type: where.type,
      target_id: where.id,
      title: x?.title ?? note.name ?? '',
      body: note.text,
      author: x?.author ?? (note.creatingUser ? (t.userName.get(note.creatingUser.toLowerCase()) ?? '') : ''),
      created_at: at,
      updated_at: note.modifiedDateTime ?? at,
    });
    n++;
  }
  return n;
}
