import { describe, expect, it } from 'vitest';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { snapshot, tmpProject } from '../helpers/project.ts';

// Issue 15 item 12: colours from Thematic/extensions.json (and from merged copies) were not validated.

async function qdpxWith(
  edit: (x: { codes: Record<string, { color: string }>; themes: { color: string | null; name: string }[] }) => void,
): Promise<string> {
  const { service } = tmpProject();
  await service.call('codes.create', { name: 'Advocacy', color: '#112233' });
  const out = await service.call('refi.export', { format: 'qdpx' });
  service.close();
  const files = unzipSync(new Uint8Array(Buffer.from(out.contentBase64, 'base64')));
  const x = JSON.parse(Buffer.from(files['Thematic/extensions.json']).toString('utf8'));
  edit(x);
  files['Thematic/extensions.json'] = strToU8(JSON.stringify(x));
  return Buffer.from(zipSync(files)).toString('base64');
}

describe('colours from a .qdpx extensions.json', () => {
  it('a code colour that is not #RRGGBB is refused, naming the entry and the code; nothing is imported', async () => {
    const contentBase64 = await qdpxWith((x) => {
      for (const c of Object.values(x.codes)) c.color = 'red;background:url(https://x.test/a)';
    });
    const { service } = tmpProject();
    const before = snapshot(service);
    await expect(service.call('refi.import', { fileName: 'shared.qdpx', contentBase64 })).rejects.toThrow(
      /Nothing was imported\. shared\.qdpx: Thematic\/extensions\.json: code [0-9a-f-]+ has the colour "red;background:url\(https:\/\/x\.test\/a\)", which is not a colour like #1F77B4/,
    );
    expect(snapshot(service)).toEqual(before);
    service.close();
  });

  it('a theme colour that is not #RRGGBB is refused too; a good file still imports with its colour', async () => {
    const bad = await qdpxWith((x) => {
      x.themes.push({ ...(x.themes[0] ?? {}), name: 'Loud', color: 'expression(alert(1))' } as never);
    });
    const { service } = tmpProject();
    await expect(service.call('refi.import', { fileName: 't.qdpx', contentBase64: bad })).rejects.toThrow(
      /theme "Loud" has the colour "expression\(alert\(1\)\)"/,
    );
    const good = await qdpxWith(() => undefined);
    await service.call('refi.import', { fileName: 'good.qdpx', contentBase64: good });
    expect((await service.call('codes.list', {})).map((c) => c.color)).toEqual(['#112233']);
    service.close();
  });
});
