import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers/project.ts';
import { runCli } from '../helpers/cli.ts';

// Issue 15 item 11: a failed transcript import into a project that does not exist yet left an empty project behind.

describe('a failed import into a new project leaves nothing behind', () => {
  it('thematic import NEW.thematic BAD.docx: exit 2, the file named, and no project, -wal or -shm left', async () => {
    const dir = tmpDir();
    const bad = path.join(dir, 'broken.docx');
    fs.writeFileSync(bad, 'this is not a zip at all');
    const project = path.join(dir, 'new.thematic');
    const r = await runCli(['import', project, bad]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/broken\.docx/);
    expect(fs.readdirSync(dir)).toEqual(['broken.docx']);
  });

  it('a failed import into an existing project keeps the project', async () => {
    const dir = tmpDir();
    const project = path.join(dir, 'old.thematic');
    expect((await runCli(['new', project])).code).toBe(0);
    const bad = path.join(dir, 'broken.docx');
    fs.writeFileSync(bad, 'still not a zip');
    expect((await runCli(['import', project, bad])).code).toBe(2);
    expect(fs.existsSync(project)).toBe(true);
    expect((await runCli(['docs', project])).code).toBe(0);
  });
});
