import fs from 'node:fs';
import Database from 'better-sqlite3';

/**
 * Tears a page of a closed project file the way a failing disk or a half-finished copy does: half
 * of one leaf page of `table` (the `skip`-th one, in file order) overwritten with garbage, its page
 * header spared so SQLite reads on and finds the damage.
 */
export function tearLeafPage(file: string, table: string, skip = 1): void {
  const db = new Database(file, { readonly: true });
  let page: number, size: number;
  try {
    page = (
      db.prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET ?").get(table, skip) as {
        pageno: number;
      }
    ).pageno;
    size = db.pragma('page_size', { simple: true }) as number;
  } finally {
    db.close();
  }
  const fd = fs.openSync(file, 'r+');
  try {
    fs.writeSync(fd, Buffer.alloc(size / 2, 0xa5), 0, size / 2, (page - 1) * size + 8);
  } finally {
    fs.closeSync(fd);
  }
}
