// REFI-QDA audio/video transcripts through the Exchange card: a .qdpx with a recording and its
// transcript comes in as a timed document; the export includes the recording only when asked.
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, ROOT, shot, type Harness } from './harness.ts';

const QDPX = path.join(ROOT, 'tests/interop/media/transcripts.qdpx');
const AUDIO = 'A1000000-0000-4000-8000-000000000001';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => {
  await h?.close();
});

async function exportQdpx(withMedia: boolean) {
  const card = h.page.getByRole('region', { name: 'Exchange with other tools' });
  const box = card.getByLabel('Include recordings in the .qdpx');
  if ((await box.isChecked()) !== withMedia) await box.click();
  const [download] = await Promise.all([
    h.page.waitForEvent('download'),
    card.getByRole('button', { name: 'Export project (.qdpx)' }).click(),
  ]);
  await expect.poll(() => card.getByLabel('Exchange report').textContent()).toMatch(/Exported .*\.qdpx/);
  return {
    zip: unzipSync(new Uint8Array(fs.readFileSync((await download.path())!))),
    report: (await card.getByLabel('Exchange report').textContent())!,
  };
}

describe('REFI-QDA recordings and transcripts on the project home', () => {
  it('imports an audio source with its transcript as a timed document and says where the recording went', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Home', exact: true }).click();
    const card = page.getByRole('region', { name: 'Exchange with other tools' });
    await card.getByLabel('REFI-QDA file').setInputFiles(QDPX);
    const report = card.getByLabel('Exchange report');
    await expect.poll(() => report.textContent(), { timeout: 15000 }).toContain('Imported transcripts.qdpx');
    const text = (await report.textContent())!;
    expect(text).toContain('1 transcript taken in as timed document');
    expect(text).toContain(`copied beside the project as study-media/${AUDIO}.opus`);
    const doc = (await h.api('documents.list', {})).find((d) => d.name === 'P4 interview transcript')!;
    const turns = (await h.api('documents.get', { id: doc.id })).turns.map((t) => t.timeStart);
    expect(turns).toEqual([0, 4.5, 7, 12, 15.25]);
    await shot(page, '32-refi-transcript-import');
  });

  it('exports without the recording by default, and with it when the box is ticked', async () => {
    const plain = await exportQdpx(false);
    expect(Object.keys(plain.zip).filter((k) => k.endsWith('.opus'))).toEqual([]);
    expect(plain.report).toContain('the recording is not included (not asked for)');
    const withMedia = await exportQdpx(true);
    const original = unzipSync(new Uint8Array(fs.readFileSync(QDPX)))[`sources/${AUDIO}.opus`];
    expect(withMedia.zip[`sources/${AUDIO}.opus`]).toEqual(original);
    expect(strFromU8(withMedia.zip['project.qde'])).toContain(
      `<AudioSource guid="${AUDIO}" name="P4 interview.opus" path="internal://${AUDIO}.opus"`,
    );
    expect(withMedia.report).toContain(`the recording is included as sources/${AUDIO}.opus`);
    await shot(h.page, '33-refi-export-with-recording');
  });

  it('has no browser errors', () => {
    expect(h.pageErrors).toEqual([]);
    expect(h.dialogs).toEqual([]);
  });
});
