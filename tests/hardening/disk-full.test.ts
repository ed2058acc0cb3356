import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Service } from '../../src/api/service.ts';
import { writeFileAtomic } from '../../src/lib/atomic-write.ts';
import { importText, INTERVIEW, tmpDir, tmpProject } from '../helpers/project.ts';
import { runCli } from '../helpers/cli.ts';
import { rng } from '../../bench/kit.ts';

// Issue 15 item 9: on a full disk `export --format qdpx` exited 1 with a raw ENOSPC and left a
// 0-byte file in place of a good export. A real full disk: a 64 KiB tmpfs (the tests run as root,
// as CI does; if the mount fails the test fails, it does not skip).

const disk = tmpDir('thematic-full-disk-');
let project: string;

beforeAll(async () => {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', disk]);
  const p = tmpProject();
  project = p.file;
  await importText(p.service, 'p4.txt', INTERVIEW);
  await p.service.call('codes.create', { name: 'Advocacy' });
  p.service.close();
});
afterAll(() => {
  execFileSync('umount', [disk]);
  fs.rmdirSync(disk);
});

/** Fills what is left of the tmpfs with one file; returns a function that frees it again. */
function fill(): () => void {
  const filler = path.join(disk, 'filler');
  const fd = fs.openSync(filler, 'w');
  const block = Buffer.alloc(1024, 1);
  try {
    for (;;) fs.writeSync(fd, block);
  } catch (e) {
    expect((e as NodeJS.ErrnoException).code).toBe('ENOSPC');
  } finally {
    fs.closeSync(fd);
  }
  return () => fs.rmSync(filler);
}

const leftovers = () => fs.readdirSync(disk).filter((f) => f.startsWith('.'));

describe('writing files on a full disk', () => {
  it('thematic export --format qdpx: disk-full message, exit 2, the earlier export survives byte for byte, no temp file left', async () => {
    const out = path.join(disk, 'study.qdpx');
    expect((await runCli(['export', project, '--format', 'qdpx', '--out', out])).code).toBe(0);
    const good = fs.readFileSync(out);
    expect(good.length).toBeGreaterThan(1000);
    // A new transcript that does not compress well: the next export is larger than the disk.
    const s = Service.open(project, {});
    const next = rng(9);
    const words = Array.from({ length: 30_000 }, () =>
      Array.from({ length: 2 + Math.floor(next() * 8) }, () => String.fromCharCode(97 + Math.floor(next() * 26))).join(''),
    );
    await importText(s, 'p5.txt', `P5: ${words.join(' ')}`);
    s.close();
    const free = fill();
    try {
      const r = await runCli(['export', project, '--format', 'qdpx', '--out', out]);
      expect(r.err).toMatch(
        new RegExp(
          `${out.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: the disk is full; nothing was written \\(any earlier study\\.qdpx is unchanged\\)`,
        ),
      );
      expect(r.code).toBe(2);
      expect(fs.readFileSync(out).equals(good)).toBe(true);
      expect(leftovers()).toEqual([]);
    } finally {
      free();
    }
  });

  it('reports, codebooks and coder copies: the same message and nothing half-written', async () => {
    const md = path.join(disk, 'codebook.md');
    expect((await runCli(['export', project, '--format', 'codebook-md', '--out', md])).code).toBe(0);
    const before = fs.readFileSync(md);
    const free = fill();
    try {
      const r = await runCli(['export', project, '--format', 'codebook-md', '--out', md]);
      expect(r.err).toMatch(/codebook\.md: the disk is full; nothing was written/);
      expect(fs.readFileSync(md).equals(before)).toBe(true);
      const copy = path.join(disk, 'chris.thematic');
      const c = await runCli(['coder-copy', project, '--coder', 'Chris', '--out', copy]);
      expect(c.err).toMatch(/chris\.thematic: the disk is full; nothing was written/);
      expect(c.code).toBe(2);
      expect(fs.existsSync(copy)).toBe(false);
      expect(leftovers()).toEqual([]);
      expect(() => writeFileAtomic(path.join(disk, 'x.json'), 'x'.repeat(100_000))).toThrow(/x\.json: the disk is full/);
      expect(fs.readdirSync(disk).sort()).toEqual(['codebook.md', 'filler', 'study.qdpx']);
    } finally {
      free();
    }
  });
});
