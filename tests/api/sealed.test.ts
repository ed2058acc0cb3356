import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Service } from '../../src/api/service.ts';
import type { Input } from '../../src/api/contract.ts';
import { INTERVIEW, importText, tmpDir, tmpProject } from '../helpers/project.ts';

const open: Service[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

async function study() {
  const p = tmpProject();
  open.push(p.service);
  const doc = await importText(p.service, 'i.txt', INTERVIEW, 'P4');
  const code = await p.service.call('codes.create', { name: 'Support' });
  for (const coder of ['Amira', 'Ben'])
    await p.service.call('codings.create', { documentId: doc.id, codeId: code.id, coder, start: 0, end: 11 });
  return p;
}

describe('files written through the one door', () => {
  it('writes a coder copy beside the project for the renderer, and anywhere only for a trusted caller', async () => {
    const { service, file } = await study();
    const r = await service.call('reconcile.coderCopy', { coder: 'Ben', outPath: 'for-ben.thematic' });
    expect(r).toEqual({ path: path.join(path.dirname(file), 'for-ben.thematic'), coder: 'Ben', codings: 1, removedCodings: 1 });
    expect(fs.existsSync(r.path)).toBe(true);
    const elsewhere = path.join(tmpDir(), 'ben.thematic');
    for (const outPath of [elsewhere, '../ben.thematic', 'sub/ben.thematic']) {
      await expect(service.call('reconcile.coderCopy', { coder: 'Ben', outPath })).rejects.toThrow(/give a file name only/);
    }
    await expect(service.call('reconcile.coderCopy', { coder: 'Ben', outPath: 'notes.txt' })).rejects.toThrow(/must end in \.thematic/);
    expect(fs.existsSync(elsewhere)).toBe(false);
    const trusted = await service.call('reconcile.coderCopy', { coder: 'Ben', outPath: elsewhere }, { trusted: true });
    expect(trusted.path).toBe(elsewhere);
    expect(fs.existsSync(elsewhere)).toBe(true);
    await expect(service.call('reconcile.coderCopy', { coder: 'Ben', outPath: 'for-ben.thematic' })).rejects.toMatchObject({
      code: 'exists',
    });
  });

  it('lets only a trusted caller put the anonymised copy outside the project folder', async () => {
    const { service } = await study();
    const elsewhere = path.join(tmpDir(), 'anon.thematic');
    const replacements: Input<'anonymise.export'>['replacements'] = [{ find: 'nurses', replace: 'staff', kind: 'name' }];
    await expect(service.call('anonymise.export', { replacements, outPath: elsewhere })).rejects.toThrow(/give a file name only/);
    const r = await service.call('anonymise.export', { replacements, outPath: elsewhere }, { trusted: true });
    expect(r.path).toBe(elsewhere);
    expect(r.counts.occurrences).toBe(1);
  });
});
