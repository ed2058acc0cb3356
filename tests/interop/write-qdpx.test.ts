import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { RefiProject } from '../../src/features/refi/model.ts';
import { writeQdpx } from '../../src/features/refi/write-qdpx.ts';

const INTEROP = resolve('../shared/interop');
const XSD = join(INTEROP, 'Project-mrt2019.xsd');
const haveShared = existsSync(INTEROP);
if (!haveShared) console.warn(`skipping schema validation: ${INTEROP} is missing`);
const dir = mkdtempSync(join(tmpdir(), 'write-qdpx-'));

const g = (n: number) => `0000000${n % 10}-aaaa-4bbb-8ccc-${String(n).padStart(12, '0')}`;
const TEXT_A = 'Ich 😀 bin\r\nhier';
const TEXT_B = 'plain ascii text';

function project(): RefiProject {
  return {
    name: 'Study & co',
    origin: 'Thematic 0.1.0',
    creationDateTime: '2024-01-01T00:00:00Z',
    users: [{ guid: g(1), name: 'Ana' }],
    codes: [{ guid: g(2), name: 'code', isCodable: true, color: '#ABCDEF', children: [] }],
    variables: [],
    cases: [],
    sources: [
      {
        kind: 'text',
        guid: g(3),
        name: 'A',
        selections: [
          {
            guid: g(4),
            start: TEXT_A.indexOf('bin'),
            end: TEXT_A.length,
            codings: [{ guid: g(5), codeGuid: g(2), creatingUser: g(1) }],
            noteGuids: [],
          },
        ],
        noteGuids: [],
        values: [],
      },
      // Its text comes from the model when the map has none.
      { kind: 'text', guid: `{${g(6).toUpperCase()}}`, name: 'B', plainTextContent: TEXT_B, selections: [], noteGuids: [], values: [] },
    ],
    notes: [],
    noteRefs: [],
    sets: [],
    links: [],
    graphs: [],
  };
}
const texts = () => new Map([[g(3), TEXT_A]]);
const extra = () =>
  new Map([
    ['Thematic/extensions.json', new TextEncoder().encode('{"v":1}')],
    ['Thematic/a.txt', new Uint8Array([1])],
  ]);

describe('writeQdpx', () => {
  it('packs project.qde, sources/<guid>.txt (UTF-8, no BOM) and the extra entries', () => {
    const files = unzipSync(writeQdpx(project(), texts(), extra()));
    expect(Object.keys(files)).toEqual([
      'project.qde',
      `sources/${g(3)}.txt`,
      `sources/${g(6).toUpperCase()}.txt`,
      'Thematic/a.txt',
      'Thematic/extensions.json',
    ]);
    expect(files[`sources/${g(3)}.txt`]).toEqual(new TextEncoder().encode(TEXT_A));
    expect(files[`sources/${g(3)}.txt`][0]).toBe(0x49); // no BOM
    expect(new TextDecoder().decode(files[`sources/${g(6).toUpperCase()}.txt`])).toBe(TEXT_B);
    expect(new TextDecoder().decode(files['Thematic/extensions.json'])).toBe('{"v":1}');
    const qde = new TextDecoder().decode(files['project.qde']);
    expect(qde).toContain(`plainTextPath="internal://${g(3)}.txt"`);
    expect(qde).toContain(`plainTextPath="internal://${g(6).toUpperCase()}.txt"`);
    expect(qde).not.toContain('PlainTextContent');
    // "bin" follows one emoji: 6 code points in, 7 UTF-16 units.
    expect(qde).toContain(`startPosition="6" endPosition="${[...TEXT_A].length}"`);
  });

  it.skipIf(!haveShared)('its project.qde validates against the schema', () => {
    const file = join(dir, 'project.qde');
    writeFileSync(file, unzipSync(writeQdpx(project(), texts()))['project.qde']);
    execFileSync('xmllint', ['--noout', '--nonet', '--schema', XSD, file], { stdio: 'pipe' });
  });

  it('gives the same bytes for the same input, in any time zone', () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      const a = writeQdpx(project(), texts(), extra());
      process.env.TZ = 'Asia/Kolkata';
      const b = writeQdpx(project(), texts(), extra());
      expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
      // Same entries in another insertion order: same bytes too.
      const reversed = new Map([...extra()].reverse());
      expect(Buffer.from(writeQdpx(project(), texts(), reversed)).equals(Buffer.from(a))).toBe(true);
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it('refuses an extra entry that would replace a REFI-QDA entry', () => {
    expect(() => writeQdpx(project(), texts(), new Map([['project.qde', new Uint8Array()]]))).toThrow(/would replace/);
  });

  it('reports a text it cannot store as UTF-8, and a source with no text', () => {
    const warnings: string[] = [];
    const p = project();
    p.sources.push({ kind: 'text', guid: g(7), name: 'gone', plainTextPath: 'C:\\x.txt', selections: [], noteGuids: [], values: [] });
    const files = unzipSync(writeQdpx(p, new Map([[g(3), 'bad \uD800 half']]), undefined, { warnings }));
    expect(new TextDecoder().decode(files[`sources/${g(3)}.txt`])).toBe('bad \uFFFD half');
    expect(files[`sources/${g(7)}.txt`]).toBeUndefined();
    expect(new TextDecoder().decode(files['project.qde'])).toContain('plainTextPath="C:\\x.txt"');
    expect(warnings).toEqual([
      'source "gone": its text is not available; only its original path is written',
      'source "A": 1 unpaired surrogate in its text written as U+FFFD',
    ]);
  });
});
