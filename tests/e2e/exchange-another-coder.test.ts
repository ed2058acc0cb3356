import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, shot, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => {
  await h?.close();
});

const guid = (n: number) => `${String(n).padStart(8, '0')}-1111-4000-8000-000000000000`;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/**
 * What a second coder's NVivo for Windows export of the same study looks like: the same texts with
 * CRLF and one more trailing line break, the same code tree under new GUIDs, her own codings
 * (positions in UTF-16 units of the CRLF text).
 */
async function anotherCodersExport(docIds: number[]): Promise<{ file: Uint8Array; expected: { documentId: number; text: string }[] }> {
  const codes = await h.api('codes.list', {});
  const byId = new Map(codes.map((c) => [c.id, c]));
  const kids = (parent: number | null): string =>
    codes
      .filter((c) => c.parentId === parent)
      .map((c) => `<Code guid="${guid(1000 + c.id)}" name="${esc(c.name)}" isCodable="true">${kids(c.id)}</Code>`)
      .join('');
  const existing = await h.api('codings.list', { includeText: true });
  const sources: string[] = [];
  const files: Record<string, Uint8Array> = {};
  const expected: { documentId: number; text: string }[] = [];
  for (const id of docIds) {
    const { text } = await h.api('documents.get', { id });
    const crlf = `${text.replace(/\n/g, '\r\n')}\r\n`;
    const at = (i: number) => i + (text.slice(0, i).match(/\n/g)?.length ?? 0);
    // She codes two passages the first coders coded, with the same code, one ending a word earlier.
    const mine = existing.filter((c) => c.documentId === id).slice(0, 2);
    const sels = mine.map((c, k) => {
      const end = k === 0 ? c.end : c.start + Math.max(1, c.text!.trimEnd().lastIndexOf(' '));
      expected.push({ documentId: id, text: text.slice(c.start, end) });
      return (
        `<PlainTextSelection guid="${guid(2000 + c.id)}" startPosition="${at(c.start)}" endPosition="${at(end)}" creatingUser="${guid(1)}">` +
        `<Coding guid="${guid(3000 + c.id)}" creatingUser="${guid(1)}"><CodeRef targetGUID="${guid(1000 + byId.get(c.codeId)!.id)}"/></Coding></PlainTextSelection>`
      );
    });
    sources.push(
      `<TextSource guid="${guid(4000 + id)}" name="copy ${id}" plainTextPath="internal://${guid(4000 + id)}.txt">${sels.join('')}</TextSource>`,
    );
    files[`sources/${guid(4000 + id)}.txt`] = strToU8(crlf);
  }
  const qde =
    `<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="Same study" origin="NVivo for Windows 12.6" creatingUserGUID="${guid(1)}">` +
    `<Users><User guid="${guid(1)}" name="NVivo user"/></Users><CodeBook><Codes>${kids(null)}</Codes></CodeBook><Sources>${sources.join('')}</Sources></Project>`;
  return { file: zipSync({ 'project.qde': strToU8(qde), ...files }), expected };
}

describe('REFI-QDA: the same study from another coder, through the Exchange card', () => {
  it('matches the documents and codes, brings her codings in under the coder named, and shows what matched', async () => {
    const { page } = h;
    const docs = await h.api('documents.list', {});
    const withCodings = docs.filter((d) => Object.keys(d.codingsByCoder ?? {}).length).slice(0, 2);
    expect(withCodings).toHaveLength(2);
    const { file, expected } = await anotherCodersExport(withCodings.map((d) => d.id));
    const upload = path.join(h.dir, 'second-coder.qdpx');
    fs.writeFileSync(upload, file);
    const codesBefore = (await h.api('codes.list', {})).length;

    await page.getByRole('button', { name: 'Home', exact: true }).click();
    const card = page.getByRole('region', { name: 'Exchange with other tools' });
    await card.getByLabel('Import as').selectOption('another-coder');
    await card.getByLabel('Coder name').fill('Dana');
    await card.getByLabel('REFI-QDA file').setInputFiles(upload);
    const report = card.getByLabel('Exchange report');
    await expect.poll(() => report.textContent(), { timeout: 15000 }).toContain('Imported second-coder.qdpx');
    const text = (await report.textContent())!;
    expect(text).toContain('as the same study from another coder');
    const matched = card.getByRole('list', { name: 'Matched' });
    expect(await matched.locator('li').allTextContents()).toEqual([
      `${codesBefore} codes: matched by GUID or by path and name`,
      `source "copy ${withCodings[0].id}": matched "${withCodings[0].name}" (the same text but for trailing whitespace or line ends)`,
      `source "copy ${withCodings[1].id}": matched "${withCodings[1].name}" (the same text but for trailing whitespace or line ends)`,
    ]);
    await report.scrollIntoViewIfNeeded();
    await shot(page, '32-refi-another-coder');

    // Nothing was copied: same documents and codes; her codings sit on them, under "Dana".
    expect((await h.api('documents.list', {})).length).toBe(docs.length);
    expect((await h.api('codes.list', {})).length).toBe(codesBefore);
    const dana = (await h.api('codings.list', { coder: 'Dana', includeText: true })).map((c) => ({
      documentId: c.documentId,
      text: c.text,
    }));
    expect(dana.sort((a, b) => a.text!.localeCompare(b.text!))).toEqual(expected.sort((a, b) => a.text.localeCompare(b.text)));
    expect((await h.api('coders.list', {})).map((c) => c.name)).toContain('Dana');
    expect((await h.api('coders.list', {})).map((c) => c.name)).not.toContain('NVivo user');
  });

  it('exports for NVivo: positions in UTF-16 units, and names the texts with emoji', async () => {
    const { page } = h;
    // A coding after three emoji in the harness's edge-case transcript.
    const edge = await h.api('documents.get', { id: h.edgeDocId });
    const at = edge.text.indexOf('laughed');
    const code = (await h.api('codes.list', {}))[0];
    const coding = await h.api('codings.create', { documentId: h.edgeDocId, codeId: code.id, coder: 'Dana', start: at, end: at + 7 });
    const card = page.getByRole('region', { name: 'Exchange with other tools' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('button', { name: 'Export for NVivo (.qdpx)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\(for NVivo\)\.qdpx$/);
    const report = card.getByLabel('Exchange report');
    await expect.poll(() => report.textContent()).toMatch(/Exported .*\(for NVivo\)\.qdpx/);
    const name = edge.document.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(await report.textContent()).toMatch(
      new RegExp(`source "${name}" \\(outside-bmp\\): \\d+ characters outside the BMP .*written in UTF-16 units for NVivo`),
    );
    await shot(page, '33-refi-export-nvivo');
    // Read as NVivo reads it: UTF-16 units (JS string indexes) of the text file.
    const zip = unzipSync(new Uint8Array(fs.readFileSync((await download.path())!)));
    const qde = strFromU8(zip['project.qde']);
    const source = [...qde.matchAll(/<TextSource\b[^>]*plainTextPath="internal:\/\/([^"]+)"[^>]*>([\s\S]*?)<\/TextSource>/g)].find((m) =>
      m[2].includes(coding.guid),
    )!;
    const sel = [
      ...source[2].matchAll(/<PlainTextSelection\b[^>]*startPosition="(\d+)" endPosition="(\d+)"[^>]*>([\s\S]*?)<\/PlainTextSelection>/g),
    ].find((m) => m[3].includes(coding.guid))!;
    expect(strFromU8(zip[`sources/${source[1]}`]).slice(+sel[1], +sel[2])).toBe('laughed');
  });

  it('has no browser errors', () => {
    expect(h.pageErrors).toEqual([]);
    expect(h.dialogs).toEqual([]);
  });
});
