import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Service } from '../../src/api/service.ts';
import { snapshot, tmpProject } from '../helpers/project.ts';
import { buildStudy, CODED, KEY, SECRETS } from './fixture.ts';

const open: Service[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

const tmpCopies = () => fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('thematic-anon-'));

describe('an anonymised report', () => {
  it('is made from a throw-away anonymised copy: replaced words, same coded passages, nothing left behind', async () => {
    const { service, file } = tmpProject();
    open.push(service);
    await buildStudy(service);
    const before = snapshot(service);
    const folder = fs.readdirSync(path.dirname(file)).sort();
    const copiesBefore = tmpCopies();
    for (const format of ['segments-csv', 'quotes-md', 'codebook-md'] as const) {
      const r = await service.call('anonymise.report', { replacements: KEY, report: { format } });
      expect(r.fileName).toMatch(/-anonymised\.(csv|md)$/);
      const text = Buffer.from(r.contentBase64, 'base64').toString('utf8');
      for (const secret of SECRETS) expect(text, `${format} leaks ${secret}`).not.toContain(secret);
      if (format === 'segments-csv') {
        // Every coded passage is there, with the replacements applied to exactly its words.
        for (const [, , expected] of CODED) expect(text).toContain(expected);
      }
    }
    expect(snapshot(service)).toEqual(before);
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(folder);
    expect(tmpCopies()).toEqual(copiesBefore);
  });

  it('refuses an empty key without writing anything', async () => {
    const { service } = tmpProject();
    open.push(service);
    await buildStudy(service);
    await expect(service.call('anonymise.report', { replacements: [], report: { format: 'quotes-md' } })).rejects.toThrow(
      /at least one replacement/,
    );
  });
});
