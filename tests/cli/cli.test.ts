import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { INTERVIEW, tmpDir } from '../helpers/project.ts';

function run(...argv: string[]) {
  const out: string[] = [],
    err: string[] = [];
  return main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }).then((code) => ({
    code,
    out: out.join('\n'),
    err: err.join('\n'),
  }));
}

describe('the thematic command', () => {
  it('creates a project, imports with participant and attributes, lists docs and codes as stable JSON', async () => {
    const dir = tmpDir();
    const proj = path.join(dir, 'study.thematic');
    fs.writeFileSync(path.join(dir, 'p4.txt'), INTERVIEW);
    fs.writeFileSync(path.join(dir, 'p5.txt'), INTERVIEW.replace(/P4/g, 'P5') + '\nP5: extra.');
    expect((await run('new', proj)).code).toBe(0);
    expect((await run('new', proj)).err).toMatch(/already exists/);
    const imp = await run('import', proj, path.join(dir, 'p4.txt'), '--participant', 'P4', '--attr', 'group=patient', '--attr', 'site=A');
    expect(imp.code).toBe(0);
    expect(imp.out).toMatch(/Imported p4\.txt: \d+ words, 4 turns, participant P4/);
    await run('import', proj, path.join(dir, 'p5.txt'), '--participant', 'P5', '--attr', 'group=HCP');
    const docs = JSON.parse((await run('docs', proj, '--json')).out);
    expect(docs.map((d: { name: string }) => d.name)).toEqual(['p4', 'p5']);
    expect(Object.keys(docs[0]).sort()).toEqual([
      'attributes',
      'charLength',
      'codingsByCoder',
      'format',
      'id',
      'importedAt',
      'name',
      'originalFilename',
      'participant',
      'participantId',
      'sha256',
      'turnCount',
      'wordCount',
    ]);
    expect(docs[0].attributes).toEqual({ group: 'patient', site: 'A' });
    const filtered = JSON.parse((await run('docs', proj, '--attr', 'group=HCP', '--json')).out);
    expect(filtered.map((d: { name: string }) => d.name)).toEqual(['p5']);
    expect(JSON.parse((await run('codes', proj, '--json')).out)).toEqual([]);
    expect((await run('search', proj, 'nurses')).out).toMatch(/p4 \(P4\): ….*\[nurses\]/);
    expect((await run('undo', proj)).out).toMatch(/Undid: Import 1 document: p5\.txt/);
    expect(JSON.parse((await run('docs', proj, '--json')).out)).toHaveLength(1);
    expect((await run('redo', proj)).code).toBe(0);
    expect((await run('history', proj)).out).toMatch(/Redo: Import 1 document/);
  });

  it('imports participants from CSV and links speakers by label', async () => {
    const dir = tmpDir();
    const proj = path.join(dir, 's.thematic');
    fs.writeFileSync(path.join(dir, 'i.txt'), INTERVIEW);
    fs.writeFileSync(path.join(dir, 'p.csv'), 'participant,group,role\nP4,patient,inpatient\nP8,HCP,"family physician, site A"\n');
    await run('import', proj, path.join(dir, 'i.txt'));
    const r = await run('participants', proj, '--import', path.join(dir, 'p.csv'), '--json');
    expect(r.out).toMatch(/2 created, 0 updated, 1 speakers linked/);
    const docs = JSON.parse((await run('docs', proj, '--json')).out);
    expect(docs[0].participant).toBe('P4');
  });

  it('reports errors on stderr with a non-zero exit', async () => {
    const dir = tmpDir();
    expect(await run('docs', path.join(dir, 'missing.thematic'))).toMatchObject({
      code: 2,
      err: expect.stringMatching(/no such project file/),
    });
    expect(await run('frobnicate')).toMatchObject({ code: 2, err: expect.stringMatching(/unknown command "frobnicate"/) });
    expect(await run('import', path.join(dir, 'x.thematic'))).toMatchObject({
      code: 2,
      err: expect.stringMatching(/usage: thematic import/),
    });
    expect(await run('import', path.join(dir, 'x.thematic'), path.join(dir, 'nope.txt'))).toMatchObject({
      code: 2,
      err: expect.stringMatching(/nope\.txt: no such file/),
    });
    expect(await run('serve', path.join(dir, 'x.thematic'), '--port', 'abc')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/--port must be a number/),
    });
  });

  it('explains itself in one line on an unsupported Node instead of crashing', () => {
    const bin = path.resolve('bin/thematic.mjs');
    // Simulate an old Node by overriding the reported version before the check runs.
    const r = spawnSync(
      process.execPath,
      ['--import', 'data:text/javascript,Object.defineProperty(process.versions,"node",{value:"20.20.2"})', bin, 'docs', 'x'],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/needs Node\.js 22\.18 or newer/);
  });
});
