import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { tmpDir } from '../helpers/project.ts';

const QDPX = path.join(import.meta.dirname, '../interop/media/transcripts.qdpx');
const AUDIO = 'A1000000-0000-4000-8000-000000000001';

describe('thematic import/export of REFI-QDA recordings', () => {
  it('imports a recording with its transcript; export --with-media puts the recording into sources/', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'study.thematic');
    const r = await runCli(['import', file, QDPX]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      `the recording inside the archive (sources/${AUDIO}.opus) was copied beside the project as study-media/${AUDIO}.opus`,
    );
    expect(fs.existsSync(path.join(dir, 'study-media', `${AUDIO}.opus`))).toBe(true);

    const plain = path.join(dir, 'plain.qdpx');
    const a = await runCli(['export', file, '--format', 'qdpx', '--out', plain]);
    expect(a.code).toBe(0);
    expect(a.out).toContain('the recording is not included (not asked for)');
    expect(Object.keys(unzipSync(new Uint8Array(fs.readFileSync(plain)))).some((k) => k.endsWith('.opus'))).toBe(false);

    const full = path.join(dir, 'full.qdpx');
    const b = await runCli(['export', file, '--format', 'qdpx', '--out', full, '--with-media']);
    expect(b.code).toBe(0);
    expect(b.out).toMatch(/1 recordings included/);
    expect(b.out).toContain(`the recording is included as sources/${AUDIO}.opus`);
    const zip = unzipSync(new Uint8Array(fs.readFileSync(full)));
    expect(Buffer.from(zip[`sources/${AUDIO}.opus`])).toEqual(fs.readFileSync(path.join(dir, 'study-media', `${AUDIO}.opus`)));
  });

  it('--with-media on a codebook export is a usage error and writes nothing', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'study.thematic');
    expect((await runCli(['import', file, QDPX])).code).toBe(0);
    const out = path.join(dir, 'codebook.qdc');
    const r = await runCli(['export', file, '--format', 'qdc', '--out', out, '--with-media']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--with-media is for --format qdpx');
    expect(fs.existsSync(out)).toBe(false);
  });
});
