import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RefiCodebook } from '../../src/features/refi/model.ts';
import { writeQdc } from '../../src/features/refi/write-qdc.ts';

const INTEROP = resolve('../shared/interop');
const XSD = join(INTEROP, 'Codebook.repaired.xsd');
const haveShared = existsSync(INTEROP);
if (!haveShared) console.warn(`skipping schema validation: ${INTEROP} is missing`);
const dir = mkdtempSync(join(tmpdir(), 'write-qdc-'));
let n = 0;

/** Runs xmllint; throws (so the test fails) if xmllint is missing or the file is invalid. */
function validate(xml: string): string {
  const file = join(dir, `c${n++}.qdc`);
  writeFileSync(file, xml);
  try {
    execFileSync('xmllint', ['--noout', '--nonet', '--schema', XSD, file], { stdio: 'pipe' });
  } catch (e) {
    const err = e as { stderr?: Buffer; message: string };
    throw new Error(`xmllint: ${err.stderr?.toString() ?? err.message}`);
  }
  return file;
}
const xpath = (file: string, expr: string) =>
  execFileSync('xmllint', ['--nonet', '--xpath', `string(${expr})`, file])
    .toString()
    .replace(/\n$/, '');
const q = (name: string) => `*[local-name()="${name}"]`;

const g = (n: number) => `0000000${n % 10}-AAAA-4BBB-8CCC-${String(n).padStart(12, '0')}`;
const NAUGHTY = `R&D <"x"> 'y' 🙂\u0001`;

function codebook(): RefiCodebook {
  return {
    origin: 'Thematic 0.1.0',
    codes: [
      {
        guid: g(1),
        name: 'Feelings',
        isCodable: false,
        color: '#123',
        description: NAUGHTY,
        children: [
          { guid: g(2), name: NAUGHTY, isCodable: true, color: '#A1B2C3', children: [] },
          { guid: `{${g(3)}}`, name: 'calm', isCodable: true, description: 'line 1\r\nline 2', children: [] },
        ],
      },
      { guid: g(4), name: 'other', isCodable: true, children: [] },
    ],
    sets: [
      { guid: g(5), name: 'Positive & more', description: 'set', memberCodes: [g(2), g(3)], memberSources: [g(9)], memberNotes: [] },
      { guid: g(6), name: 'empty', memberCodes: [], memberSources: [], memberNotes: [] },
    ],
  };
}

describe('writeQdc', () => {
  it.skipIf(!haveShared)('writes a codebook that validates, with nesting, colours, sets and escaped text', () => {
    const warnings: string[] = [];
    const f = validate(writeQdc(codebook(), { warnings }));
    expect(xpath(f, `/${q('CodeBook')}/@origin`)).toBe('Thematic 0.1.0');
    expect(xpath(f, `//${q('Code')}[@name="Feelings"]/@isCodable`)).toBe('false');
    expect(xpath(f, `//${q('Code')}[@name="Feelings"]/@color`)).toBe('#112233');
    expect(xpath(f, `count(//${q('Code')}[@name="Feelings"]/${q('Code')})`)).toBe('2');
    expect(xpath(f, `//${q('Code')}[@name="Feelings"]/${q('Description')}`)).toBe(NAUGHTY.replace('\u0001', '\uFFFD'));
    expect(xpath(f, `//${q('Code')}[@name="calm"]/${q('Description')}`)).toBe('line 1\r\nline 2');
    expect(xpath(f, `//${q('Code')}[@name="calm"]/@guid`)).toBe(g(3));
    expect(xpath(f, `//${q('Set')}[1]/${q('MemberCode')}[2]/@guid`)).toBe(g(3));
    expect(xpath(f, `//${q('Set')}[1]/@name`)).toBe('Positive & more');
    expect(warnings).toEqual([
      'code "Feelings" description: 1 character XML cannot carry replaced with U+FFFD',
      `code "${NAUGHTY.replace('\u0001', '\uFFFD')}": 1 character XML cannot carry replaced with U+FFFD`,
      'set "Positive & more": 1 source/note member left out (a codebook holds codes only)',
    ]);
  });

  it.skipIf(!haveShared)('writes one code without sets', () => {
    const xml = writeQdc({ codes: [{ guid: g(1), name: 'only', isCodable: true, children: [] }], sets: [] });
    validate(xml);
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0">\n' +
        `  <Codes>\n    <Code guid="${g(1)}" name="only" isCodable="true"/>\n  </Codes>\n</CodeBook>\n`,
    );
  });

  it('refuses an empty codebook (the schema needs one code)', () => {
    expect(() => writeQdc({ codes: [], sets: [] })).toThrow(/at least one code/);
  });
});
