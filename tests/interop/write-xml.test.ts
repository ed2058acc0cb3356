import { describe, expect, it } from 'vitest';
import {
  cleanXmlText,
  el,
  escapeAttr,
  escapeText,
  refiColor,
  refiGuid,
  refiValues,
  renderXml,
  typedValue,
  xsdDate,
  xsdDateTime,
  xsdDecimal,
} from '../../src/features/refi/write-xml.ts';

describe('REFI-QDA XML builder', () => {
  it('escapes markup in text and attributes, and CR/LF/tab where a parser would change them', () => {
    expect(escapeText(`a & <b> "c" 'd'\r\n\t`)).toBe(`a &amp; &lt;b&gt; "c" 'd'&#13;\n\t`);
    expect(escapeAttr(`a & <b> "c" 'd'\r\n\t`)).toBe('a &amp; &lt;b&gt; &quot;c&quot; &apos;d&apos;&#13;&#10;&#9;');
  });

  it('refuses characters XML 1.0 cannot carry (writers must clean them first)', () => {
    expect(() => escapeText('bell\u0007')).toThrow(/cannot carry/);
    expect(() => escapeAttr('half \uD83D surrogate')).toThrow(/cannot carry/);
  });

  it('replaces and counts control characters, lone surrogates and U+FFFE/U+FFFF, keeping emoji', () => {
    const r = cleanXmlText('ok 😀 \u0000\u001F\t\n\r \uD800x \uDC00 \uFFFE\uFFFF');
    expect(r.replaced).toBe(6);
    expect(r.text).toBe('ok 😀 \uFFFD\uFFFD\t\n\r \uFFFDx \uFFFD \uFFFD\uFFFD');
    expect(r.text.length).toBe('ok 😀 \u0000\u001F\t\n\r \uD800x \uDC00 \uFFFE\uFFFF'.length);
  });

  it('indents element-only content but never inside text content', () => {
    const xml = renderXml(el('A', { x: 1, skip: undefined }, [el('B', {}, [' keep  me ']), el('C'), undefined, false]));
    expect(xml).toBe('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<A x="1">\n  <B> keep  me </B>\n  <C/>\n</A>\n');
  });
});

describe('REFI-QDA values', () => {
  it('keeps valid GUIDs (case kept, braces dropped) and maps anything else to one stable UUID', () => {
    expect(refiGuid('AD68FBE7-E1EE-4A82-A279-23CC698C89EB')).toBe('AD68FBE7-E1EE-4A82-A279-23CC698C89EB');
    expect(refiGuid('{ad68fbe7-e1ee-4a82-a279-23cc698c89eb}')).toBe('ad68fbe7-e1ee-4a82-a279-23cc698c89eb');
    const a = refiGuid('code-17');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(refiGuid('code-17')).toBe(a);
    expect(refiGuid('code-18')).not.toBe(a);
    const w: string[] = [];
    const v = refiValues(w);
    v.guid('code-17');
    v.guid('code-17');
    expect(w).toEqual([`identifier "code-17" is not a GUID; written as ${a}`]);
  });

  it('writes colours as #RRGGBB and reports what is no colour', () => {
    expect(refiColor('#abc')).toBe('#aabbcc');
    expect(refiColor('F00082')).toBe('#F00082');
    expect(refiColor('red')).toBeUndefined();
    const w: string[] = [];
    expect(refiValues(w).color('red', 'code "x"')).toBeUndefined();
    expect(w).toEqual(['code "x": colour "red" is not #RRGGBB; left out']);
  });

  it('writes xsd:dateTime without ever applying the local time zone', () => {
    expect(xsdDateTime('2018-03-27T17:46:39Z')).toBe('2018-03-27T17:46:39Z');
    expect(xsdDateTime('2024-05-01 10:00:00')).toBe('2024-05-01T10:00:00');
    expect(xsdDateTime('2024-05-01T10:00+0200')).toBe('2024-05-01T10:00:00+02:00');
    expect(xsdDateTime('2024-05-01T10:00:00.123Z')).toBe('2024-05-01T10:00:00.123Z');
    expect(xsdDateTime('2024-05-01')).toBe('2024-05-01T00:00:00');
    expect(xsdDateTime('2023-02-29T00:00:00')).toBeUndefined();
    expect(xsdDateTime('2024-05-01T25:00:00')).toBeUndefined();
    expect(xsdDateTime('yesterday')).toBeUndefined();
    expect(xsdDate('2024-02-29')).toBe('2024-02-29');
    expect(xsdDate('2024-02-29T12:00:00Z')).toBe('2024-02-29');
    expect(xsdDate('2024-13-01')).toBeUndefined();
  });

  it('spells decimals out (xsd:decimal has no exponent)', () => {
    expect(xsdDecimal('-1.50')).toBe('-1.50');
    expect(xsdDecimal('.5')).toBe('.5');
    expect(xsdDecimal('1.5e3')).toBe('1500');
    expect(xsdDecimal('2.5E-3')).toBe('0.0025');
    expect(xsdDecimal('-12e-1')).toBe('-1.2');
    expect(xsdDecimal('NaN')).toBeUndefined();
    expect(xsdDecimal('1,5')).toBeUndefined();
  });

  it('types variable values or says they are not of the type', () => {
    expect(typedValue('Text', ' as is ')).toEqual({ element: 'TextValue', text: ' as is ' });
    expect(typedValue('Boolean', 'TRUE')).toEqual({ element: 'BooleanValue', text: 'true' });
    expect(typedValue('Boolean', '0')).toEqual({ element: 'BooleanValue', text: 'false' });
    expect(typedValue('Boolean', 'yes')).toBeUndefined();
    expect(typedValue('Integer', ' +007 ')).toEqual({ element: 'IntegerValue', text: '7' });
    expect(typedValue('Integer', '3.5')).toBeUndefined();
    expect(typedValue('Float', '3.25')).toEqual({ element: 'FloatValue', text: '3.25' });
    expect(typedValue('Date', '1990-07-01')).toEqual({ element: 'DateValue', text: '1990-07-01' });
    expect(typedValue('DateTime', '2024-01-02 03:04:05')).toEqual({ element: 'DateTimeValue', text: '2024-01-02T03:04:05' });
  });
});
