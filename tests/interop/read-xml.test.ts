import { describe, expect, it } from 'vitest';
import { readQde } from '../../src/features/refi/read-qde.ts';
import { readQdc } from '../../src/features/refi/read-qdc.ts';
import { refusal } from './refusal.ts';

// Hostile and broken XML: every case must be refused with a message naming the file and problem.

const NS = 'urn:QDA-XML:project:1.0';
const project = (body = '', attrs = '') =>
  `<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="${NS}" name="p"${attrs}>${body}</Project>`;

describe('reading REFI-QDA XML safely', () => {
  it('refuses a billion-laughs entity bomb before parsing', () => {
    const lol = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<Project xmlns="${NS}" name="&lol3;"/>`;
    expect(refusal(() => readQde(lol))).toBe(
      'project.qde: line 2: the XML declares a DOCTYPE; REFI-QDA files never need one and it is refused (external entities)',
    );
  });

  it('refuses an external entity (file:///etc/passwd)', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<Project xmlns="${NS}" name="&xxe;"/>`;
    expect(refusal(() => readQde(xxe, { label: 'x.qde' }))).toMatch(/^x\.qde: line 1: the XML declares a DOCTYPE/);
  });

  it('refuses a bare ENTITY declaration and undefined entities', () => {
    expect(refusal(() => readQde(`<!ENTITY x "y">${project()}`))).toMatch(/line 1: the XML declares an ENTITY/);
    expect(refusal(() => readQde(project('<Description>a&nbsp;b</Description>')))).toMatch(
      /in Project\/Description: the entity &nbsp; is not defined/,
    );
  });

  it('allows DOCTYPE-looking text inside comments and CDATA', () => {
    const p = readQde(project('<!-- <!DOCTYPE x> --><Description><![CDATA[<!DOCTYPE html> & raw]]></Description>'));
    expect(p.description).toBe('<!DOCTYPE html> & raw');
  });

  it('reports malformed XML with its line', () => {
    expect(refusal(() => readQde(`<?xml version="1.0"?>\n<Project name="p">\n<Users>\n</Project>`))).toMatch(
      /^project\.qde: line 4, column \d+: malformed XML: /,
    );
    expect(refusal(() => readQde(''))).toBe('project.qde: the file is empty');
    expect(refusal(() => readQde('<Project name="p"/><Project name="q"/>'))).toMatch(/expected one root element, found 2/);
    expect(refusal(() => readQde(project('<Description>a & b</Description>')))).toMatch(/malformed XML/);
  });

  it('accepts UTF-8 with or without a BOM and UTF-16 with a BOM', () => {
    const xml = project('<Description>héllo 😀</Description>');
    const utf8 = new TextEncoder().encode(xml);
    const bom8 = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    const le = xml.replace('utf-8', 'UTF-16');
    const u16le = new Uint8Array(2 + le.length * 2);
    u16le.set([0xff, 0xfe]);
    for (let i = 0; i < le.length; i++) {
      u16le[2 + 2 * i] = le.charCodeAt(i) & 0xff;
      u16le[3 + 2 * i] = le.charCodeAt(i) >> 8;
    }
    const u16be = new Uint8Array(u16le.length);
    for (let i = 0; i < u16le.length; i += 2) {
      u16be[i] = u16le[i + 1];
      u16be[i + 1] = u16le[i];
    }
    for (const bytes of [utf8, bom8, u16le, u16be]) expect(readQde(bytes).description).toBe('héllo 😀');
    expect(readQde(`\uFEFF${xml}`).description).toBe('héllo 😀');
  });

  it('refuses other encodings, invalid UTF-8 and BOM-less UTF-16 with specific messages', () => {
    const latin = new TextEncoder().encode(project().replace('utf-8', 'ISO-8859-1'));
    expect(refusal(() => readQde(latin))).toMatch(
      /line 1: the XML declaration says encoding="ISO-8859-1"; Thematic reads REFI-QDA files only in UTF-8/,
    );
    const bad = new TextEncoder().encode(project('<Description>caf\u00e9</Description>'));
    const i = bad.indexOf(0xc3);
    bad[i] = 0xe9;
    bad[i + 1] = 0x3c; // a Latin-1 é, as a mis-saved file would have it
    const fixed = new Uint8Array([...bad.subarray(0, i + 1), ...bad.subarray(i + 2)]);
    expect(refusal(() => readQde(fixed, { label: 'old.qde' }))).toMatch(
      /^old\.qde: line 2: the text is not valid UTF-8 \(bad byte 0xe9 at byte \d+\)/,
    );
    const noBom = new Uint8Array([...'<Project name="p"/>'].flatMap((c) => [c.charCodeAt(0), 0]));
    expect(refusal(() => readQde(noBom))).toMatch(/UTF-16 without a byte-order mark/);
    const says16 = new TextEncoder().encode(project().replace('utf-8', 'UTF-16'));
    expect(refusal(() => readQde(says16))).toMatch(/encoding="UTF-16" but the file is UTF-8/);
  });

  it('keeps text and attributes exactly: no trimming, no number parsing, references decoded', () => {
    const p = readQde(
      project(
        `<CodeBook><Codes><Code guid="c1" name="007" isCodable="true"><Description>  two\n  lines </Description></Code></Codes></CodeBook>` +
          `<Sources><TextSource guid="s1" name="1e3"><PlainTextContent>  a&#xD;&#xA;b &lt;&amp;&gt; &#128512; </PlainTextContent></TextSource></Sources>`,
      ),
    );
    expect(p.codes[0].name).toBe('007');
    expect(p.codes[0].description).toBe('  two\n  lines ');
    const s = p.sources[0];
    expect(s.kind === 'text' && s.plainTextContent).toBe('  a\r\nb <&> 😀 ');
    expect(s.name).toBe('1e3');
  });

  it('normalises literal line breaks as XML requires, so a CR survives only as &#xD;', () => {
    const p = readQde(
      project('<Sources><TextSource guid="s"><PlainTextContent>a\r\nb\rc&#xD;&#xA;d</PlainTextContent></TextSource></Sources>'),
    );
    const s = p.sources[0];
    expect(s.kind === 'text' && s.plainTextContent).toBe('a\nb\nc\r\nd');
  });

  it('accepts namespace prefixes and files without a namespace', () => {
    const prefixed = `<q:Project xmlns:q="${NS}" name="pre"><q:Users><q:User guid="u1" name="Ann"/></q:Users></q:Project>`;
    expect(readQde(prefixed).users).toEqual([{ guid: 'u1', name: 'Ann', id: undefined }]);
    expect(readQde('<Project name="bare"/>').name).toBe('bare');
  });

  it('tells a codebook from a project', () => {
    expect(refusal(() => readQde('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>', { label: 'a.qde' }))).toMatch(
      /^a\.qde: this is a REFI-QDA codebook/,
    );
    expect(refusal(() => readQdc(project(), { label: 'b.qdc' }))).toMatch(/^b\.qdc: this is a REFI-QDA project/);
    expect(refusal(() => readQde('<html/>'))).toMatch(/root element is <html>, not <Project>/);
  });
});
