// Codings of chosen coders, read straight from SQL into the agreement engine's shape: one
// DocumentCodings per document, codes as their id (as a string), coders by name.
import type { Coding, DocumentCodings, Span, UnitOfAnalysis } from '../../core/agreement/index.ts';
import type { Db } from '../../store/open.ts';
import { ThematicError } from '../../core/errors.ts';
import { stmt } from '../../store/changes.ts';

export interface ProjectDocument extends DocumentCodings {
  id: string;
  name: string;
  /** The participant's `group` attribute ("patient", "HCP"), or "(no group)". */
  group: string;
}

export const NO_GROUP = '(no group)';

/** Sentences: split after . ! ? (and … ) followed by white space, and at line breaks. */
export function sentenceSpans(text: string): Span[] {
  const out: Span[] = [];
  const re = /[^\n]*?(?:[.!?…]+["'”’)]*(?=\s)|\n|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) {
      if (re.lastIndex >= text.length) break;
      re.lastIndex++;
      continue;
    }
    let s = m.index;
    let e = m.index + m[0].length;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e });
  }
  return out;
}

export function coderIds(db: Db, names: string[]): number[] {
  return names.map((n) => {
    const r = stmt(db, 'SELECT id FROM coders WHERE name = ?').get(n) as { id: number } | undefined;
    if (!r) throw new ThematicError('not_found', `coder "${n}" does not exist`);
    return r.id;
  });
}

export interface Needs {
  turns?: boolean;
  sentences?: boolean;
}

export const needsFor = (unit: UnitOfAnalysis): Needs => ({ turns: unit === 'turn', sentences: unit === 'sentence' });

export function loadProjectCodings(db: Db, coders: string[], needs: Needs, codeIds?: number[]): ProjectDocument[] {
  const ids = coderIds(db, coders);
  const docs = db
    .prepare(
      `SELECT d.id, d.name, d.char_length AS length, ${needs.sentences ? 'd.text' : "'' AS text"},
      COALESCE((SELECT value FROM participant_attributes a WHERE a.participant_id = d.participant_id AND a.key = 'group'), '${NO_GROUP}') AS grp
      FROM documents d ORDER BY d.id`,
    )
    .all() as { id: number; name: string; length: number; text: string; grp: string }[];
  const byDoc = new Map<number, ProjectDocument>();
  for (const d of docs)
    byDoc.set(d.id, {
      id: String(d.id),
      name: d.name,
      length: d.length,
      group: d.grp,
      codings: [],
      sentences: needs.sentences ? sentenceSpans(d.text) : undefined,
    });
  if (needs.turns) {
    for (const d of byDoc.values()) d.turns = [];
    const rows = db.prepare('SELECT document_id AS doc, start, end FROM turns ORDER BY document_id, start').raw().all() as [
      number,
      number,
      number,
    ][];
    for (const [doc, start, end] of rows) byDoc.get(doc)?.turns!.push({ start, end });
  }
  const name = new Map(ids.map((id, i) => [id, coders[i]]));
  const codeFilter = codeIds?.length ? `AND code_id IN (${codeIds.map(Number).join(',')})` : '';
  const rows = db
    .prepare(
      `SELECT document_id, code_id, coder_id, start, end FROM codings
      WHERE coder_id IN (${ids.join(',')}) ${codeFilter}`,
    )
    .raw()
    .all() as [number, number, number, number, number][];
  for (const [doc, code, coder, start, end] of rows) {
    const c: Coding = { coder: name.get(coder)!, code: String(code), start, end };
    byDoc.get(doc)!.codings.push(c);
  }
  return [...byDoc.values()];
}
