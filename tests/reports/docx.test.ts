import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { XMLValidator } from 'fast-xml-parser';
import { exportReport } from '../../src/features/reports/index.ts';
import { openSample, tmpDir } from '../helpers/project.ts';
import { smallStudy } from './small-study.ts';
import { dbOf } from '../helpers/db.ts';

// The Word reports must open cleanly: well-formed OOXML with real heading styles, and LibreOffice
// (the CI installs it) converts each to PDF with the headings and attributed quotes in the text.

function documentXml(bytes: Uint8Array): string {
  const files = unzipSync(bytes);
  for (const name of ['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']) {
    expect(files[name], `${name} in the .docx`).toBeDefined();
    expect(XMLValidator.validate(strFromU8(files[name])), `${name} is well-formed`).toBe(true);
  }
  return strFromU8(files['word/document.xml']);
}

/** Both reports through one LibreOffice run (it is slow to start), each PDF's text. */
function pdfTexts(files: Record<string, Uint8Array>): Record<string, string> {
  const dir = tmpDir('thematic-lo-');
  const paths = Object.entries(files).map(([name, bytes]) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, bytes);
    return p;
  });
  const r = spawnSync(
    'soffice',
    [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...paths],
    { encoding: 'utf8', timeout: 90_000 },
  );
  expect(r.error, 'LibreOffice (soffice) must be installed to check the Word reports').toBeUndefined();
  const out: Record<string, string> = {};
  for (const name of Object.keys(files)) {
    const pdf = path.join(dir, name.replace(/\.docx$/, '.pdf'));
    expect(fs.existsSync(pdf), `LibreOffice converted ${name}: ${r.stderr}`).toBe(true);
    const t = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(t.error, 'pdftotext (poppler-utils) must be installed').toBeUndefined();
    out[name] = t.stdout.replace(/[ \t]+/g, ' ');
  }
  return out;
}

describe('Word reports', () => {
  test('quotes and codebook .docx: real headings, literal text, and LibreOffice opens them', async () => {
    const s = await smallStudy();
    const quotes = await exportReport(dbOf(s.service), 'quotes-docx', { timestamps: true, projectName: 'study', date: '2026-01-02' });
    expect(quotes.mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(quotes.fileName).toBe('study-quotes.docx');
    const xml = documentXml(quotes.bytes);
    expect(xml).toContain('<w:pStyle w:val="Title"/>');
    for (const h of [1, 2, 3, 4, 5])
      expect(
        xml.includes(`<w:pStyle w:val="Heading${h}"/><w:keepNext/><w:outlineLvl w:val="${h - 1}"/>`),
        `Heading${h} with its outline level`,
      ).toBe(true);
    expect(xml.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')).toBe(true);
    expect(xml.includes('<script')).toBe(false);

    const sample = await openSample();
    const codebook = await exportReport(dbOf(sample), 'codebook-docx', { projectName: 'sample' });
    sample.close();
    expect(documentXml(codebook.bytes).includes('<w:pStyle w:val="Heading2"/>')).toBe(true);

    const pdf = pdfTexts({ 'quotes.docx': quotes.bytes, 'codebook.docx': codebook.bytes });
    const q = pdf['quotes.docx'];
    for (const line of [
      'Quotes by theme',
      'study · 2026-01-02',
      'Core concept: Peer workers as a bridge',
      'Theme group: Functions of the bridge',
      'Theme: Advocacy',
      'Sub-theme: Speaking up for patients',
      'Code: Shared experience',
      'Someone who has been there understands what the ward feels like at night.',
      '— (P13, peer worker) [00:12:34]',
      'I told them <script>alert("x")</script> and *not bold* & stuff.',
      '# not heading',
      '— (P4, patient)',
    ])
      expect(q).toContain(line);
    expect(q.indexOf('Theme: Advocacy')).toBeLessThan(q.indexOf('Theme: Restoring trust'));
    const c = pdf['codebook.docx'];
    for (const line of [
      'Codebook',
      'System barriers',
      'Stigma from staff',
      'System barriers > Stigma from staff',
      'When not to use:',
      'Example: “They looked at me like I was garbage.”',
    ])
      expect(c).toContain(line);
    expect(c).toMatch(/Counts: \d+ coded segments, \d+ documents, \d+ participants/);
  }, 120_000);
});
