// A coder copy for distributed double coding: the project file with its documents, participants
// and codebook, but only the named coder's own codings (none of the other coders', no consensus,
// no decision log, no undo history), so the second coder codes blind.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openProject, type Db } from '../../store/open.ts';
import { ThematicError } from '../../core/errors.ts';
import { nowIso } from '../../store/rows.ts';
import { commitTemp, tempBeside, writeError } from '../../lib/atomic-write.ts';

export function writeCoderCopy(db: Db, coder: string, out: string): { codings: number; removedCodings: number } {
  if (fs.existsSync(out)) throw new ThematicError('exists', `${out} already exists; choose another name`);
  // Built in a temporary file beside `out` and renamed when complete (atomic-write.ts).
  const tmp = tempBeside(out, 'copying');
  const clean = () => {
    for (const ext of ['', '-wal', '-shm', '-journal']) fs.rmSync(tmp + ext, { force: true });
  };
  let copy: Db | undefined;
  try {
    db.prepare('VACUUM INTO ?').run(tmp);
    copy = openProject(tmp);
    const c = copy;
    const r = c.transaction(() => {
      if (!c.prepare('SELECT 1 FROM coders WHERE name = ?').get(coder)) {
        c.prepare('INSERT INTO coders (name, is_consensus, created_at) VALUES (?, 0, ?)').run(coder, nowIso());
      }
      const id = (c.prepare('SELECT id FROM coders WHERE name = ?').get(coder) as { id: number }).id;
      const removed = c.prepare(
        `DELETE FROM memos WHERE target_type = 'coding' AND target_id IN (SELECT id FROM codings WHERE coder_id <> ?)`,
      );
      removed.run(id);
      const gone = c.prepare('DELETE FROM codings WHERE coder_id <> ?').run(id).changes;
      c.prepare('DELETE FROM coders WHERE id <> ?').run(id);
      c.prepare('DELETE FROM consensus_decisions').run();
      c.prepare('DELETE FROM operations').run();
      c.prepare('DELETE FROM client_operations').run(); // recorded results would show other coders' work
      c.prepare(
        `INSERT INTO project_meta (key, value) VALUES ('coder_copy', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      ).run(JSON.stringify({ coder, at: nowIso() }));
      const kept = (c.prepare('SELECT COUNT(*) AS n FROM codings').get() as { n: number }).n;
      return { codings: kept, removedCodings: gone };
    })();
    copy.close();
    copy = undefined;
    commitTemp(tmp, out);
    return r;
  } catch (e) {
    copy?.close();
    clean();
    throw writeError(e, out);
  }
}

/** A coder copy as bytes (for the API, which carries files as base64); `edit` may change it first. */
export function coderCopyBase64(db: Db, coder: string, edit?: (copy: Db) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thematic-coder-copy-'));
  try {
    const file = path.join(dir, 'copy.thematic');
    writeCoderCopy(db, coder, file);
    if (edit) {
      const copy = openProject(file);
      try {
        edit(copy);
      } finally {
        copy.close();
      }
    }
    return fs.readFileSync(file).toString('base64');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
