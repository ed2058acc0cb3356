// A tiny XML 1.0 builder for the REFI-QDA writers. It escapes everything it is given; it does
// not decide what text is allowed: writers pass user text through `cleanXmlText` first so every
// replaced character is reported (the builder throws on any that slip through, as a bug guard).

import { createHash } from 'node:crypto';
import { plural } from '../../core/refi-report.ts';

export type AttrValue = string | number | boolean | undefined;

export interface XmlElement {
  name: string;
  /** Written in this order; undefined values are left out. */
  attrs: [string, AttrValue][];
  children: XmlChild[];
}
export type XmlChild = XmlElement | string;

/** An element; attrs keep their insertion order, undefined/null children are dropped. */
export function el(
  name: string,
  attrs: Record<string, AttrValue> = {},
  children: (XmlChild | undefined | null | false)[] = [],
): XmlElement {
  return {
    name,
    attrs: Object.entries(attrs),
    children: children.filter((c): c is XmlChild => c !== undefined && c !== null && c !== false),
  };
}

/** Characters XML 1.0 cannot carry: C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF. */
// eslint-disable-next-line no-control-regex
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Replaces characters XML 1.0 cannot carry with U+FFFD; `replaced` counts them. */
export function cleanXmlText(text: string): { text: string; replaced: number } {
  let replaced = 0;
  const out = text.replace(NOT_XML, () => {
    replaced++;
    return '\uFFFD';
  });
  return { text: out, replaced };
}

/** Renders a document: declaration, then the root; element-only content is indented. */
export function renderXml(root: XmlElement): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'];
  write(root, 0, out);
  out.push('\n');
  return out.join('');
}

function write(e: XmlElement, depth: number, out: string[]): void {
  out.push('<', e.name);
  for (const [k, v] of e.attrs) {
    if (v === undefined) continue;
    out.push(' ', k, '="', escapeAttr(String(v)), '"');
  }
  if (e.children.length === 0) {
    out.push('/>');
    return;
  }
  out.push('>');
  // Mixed or text content is written as is: added whitespace would become part of the value.
  const hasText = e.children.some((c) => typeof c === 'string');
  for (const c of e.children) {
    if (typeof c === 'string') {
      out.push(escapeText(c));
      continue;
    }
    if (!hasText) out.push('\n', '  '.repeat(depth + 1));
    write(c, depth + 1, out);
  }
  if (!hasText) out.push('\n', '  '.repeat(depth));
  out.push('</', e.name, '>');
}

const NOT_XML_ONE = new RegExp(NOT_XML.source);

function guard(s: string): string {
  if (NOT_XML_ONE.test(s))
    throw new Error(`XML writer: a character XML 1.0 cannot carry reached the output (${JSON.stringify(s.slice(0, 40))})`);
  return s;
}

// CR is written as a reference because parsers turn a literal CR (and CRLF) into LF, which would
// shift every offset after it; in attributes tab and LF are too, since they'd become spaces.
const TEXT_ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const ATTR_ESC: Record<string, string> = {
  ...TEXT_ESC,
  '"': '&quot;',
  "'": '&apos;',
  '\n': '&#10;',
  '\t': '&#9;',
};

export function escapeText(s: string): string {
  return guard(s).replace(/[&<>\r]/g, (c) => TEXT_ESC[c]);
}

export function escapeAttr(s: string): string {
  return guard(s).replace(/[&<>"'\r\n\t]/g, (c) => ATTR_ESC[c]);
}

// ---- REFI-QDA attribute values, shared by the .qde and .qdc writers ----

const GUID = /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;

/**
 * The GUID as written: the schema's pattern allows either case, so case is kept (ATLAS.ti writes
 * upper case); braces are dropped so the same GUID can name a file (internal://<guid>.txt).
 * Anything else becomes a name-based UUID (SHA-1 of the text, RFC 4122 version 5 layout), the same
 * one everywhere, so references to it still meet.
 */
export function refiGuid(value: string): string {
  const m = GUID.exec(value.trim());
  return m ? m[1] : nameGuid(value);
}

function nameGuid(value: string): string {
  const h = createHash('sha1')
    .update('thematic-refi:' + value, 'utf8')
    .digest('hex');
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Value checks that report what they had to change, for the export report. */
export interface RefiValues {
  /** Adds a line to the warnings (characters XML cannot carry shown as U+FFFD, as in the file). */
  warn(message: string): void;
  /** User text (names, descriptions, note text) with characters XML cannot carry replaced. */
  text(value: string, what: string): string;
  guid(value: string): string;
  /** #RRGGBB, or undefined (reported) when the value is no colour. */
  color(value: string | undefined, what: string): string | undefined;
  /** xsd:dateTime, or undefined (reported) when the value is no date. */
  dateTime(value: string | undefined, what: string): string | undefined;
}

export function refiValues(warnings: string[]): RefiValues {
  const guidsSeen = new Set<string>();
  const warn = (message: string) => {
    warnings.push(cleanXmlText(message).text);
  };
  return {
    warn,
    text(value, what) {
      const r = cleanXmlText(value);
      if (r.replaced) {
        warn(`${what}: ${plural(r.replaced, 'character')} XML cannot carry replaced with U+FFFD`);
      }
      return r.text;
    },
    guid(value) {
      // Called for every guid attribute (several per coding): one regex run, not two.
      const m = GUID.exec(value.trim());
      if (m) return m[1];
      const g = nameGuid(value);
      if (!guidsSeen.has(value)) {
        guidsSeen.add(value);
        warn(`identifier ${JSON.stringify(value)} is not a GUID; written as ${g}`);
      }
      return g;
    },
    color(value, what) {
      if (value === undefined || value === '') return undefined;
      const c = refiColor(value);
      if (c === undefined) warn(`${what}: colour ${JSON.stringify(value)} is not #RRGGBB; left out`);
      return c;
    },
    dateTime(value, what) {
      if (value === undefined || value === '') return undefined;
      const d = xsdDateTime(value);
      if (d === undefined) warn(`${what}: date ${JSON.stringify(value)} is not a date and time; left out`);
      return d;
    },
  };
}

/** #RGB and #RRGGBB (with or without '#') -> #RRGGBB, case kept. */
export function refiColor(value: string): string | undefined {
  const m = /^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.exec(value.trim());
  if (!m) return undefined;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return '#' + hex;
}

const DATE = /^(-?\d{4,})-(\d\d)-(\d\d)/;
const TIME = /^[T ](\d\d):(\d\d)(?::(\d\d)(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?$/;

/** xsd:date from "YYYY-MM-DD" (optionally followed by a time, which is dropped). */
export function xsdDate(value: string): string | undefined {
  const v = value.trim();
  const m = DATE.exec(v);
  if (!m || !realDay(+m[1], +m[2], +m[3])) return undefined;
  const rest = v.slice(m[0].length);
  if (rest !== '' && !TIME.test(rest)) return undefined;
  return m[0];
}

/**
 * xsd:dateTime from ISO 8601 / SQLite-style text ("2024-05-01 10:00:00", "…T10:00Z",
 * "…+0200"); a bare date means midnight. No zone stays no zone (never the writer's local time).
 */
export function xsdDateTime(value: string): string | undefined {
  const v = value.trim();
  const d = DATE.exec(v);
  if (!d || !realDay(+d[1], +d[2], +d[3])) return undefined;
  const rest = v.slice(d[0].length);
  if (rest === '') return `${d[0]}T00:00:00`;
  const t = TIME.exec(rest);
  if (!t) return undefined;
  const [, hh, mm, ss = '00', frac = '', zone = ''] = t;
  if (+hh > 23 || +mm > 59 || +ss > 59) return undefined;
  const z = zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  if (z.length === 6 && (+z.slice(1, 3) > 14 || +z.slice(4) > 59)) return undefined;
  return `${d[0]}T${hh}:${mm}:${ss}${frac}${z}`;
}

function realDay(y: number, m: number, d: number): boolean {
  if (y === 0 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return d <= days;
}

// ---- Variable values: text -> the XSD type of the variable, or undefined when it isn't one ----

export type TypedValue = { element: string; text: string };

const VALUE_ELEMENT = {
  Text: 'TextValue',
  Boolean: 'BooleanValue',
  Integer: 'IntegerValue',
  Float: 'FloatValue',
  Date: 'DateValue',
  DateTime: 'DateTimeValue',
} as const;

export function typedValue(type: keyof typeof VALUE_ELEMENT, value: string): TypedValue | undefined {
  const v = value.trim();
  let text: string | undefined;
  switch (type) {
    case 'Text':
      return { element: VALUE_ELEMENT.Text, text: value };
    case 'Boolean':
      text = /^(true|1)$/i.test(v) ? 'true' : /^(false|0)$/i.test(v) ? 'false' : undefined;
      break;
    case 'Integer':
      text = /^[+-]?\d+$/.test(v) ? BigInt(v).toString() : undefined;
      break;
    case 'Float':
      text = xsdDecimal(v);
      break;
    case 'Date':
      text = xsdDate(v);
      break;
    case 'DateTime':
      text = xsdDateTime(v);
      break;
  }
  return text === undefined ? undefined : { element: VALUE_ELEMENT[type], text };
}

/** QDA-XML's "Float" is xsd:decimal: no exponent, no NaN/INF; "1.5e3" is spelled out. */
export function xsdDecimal(v: string): string | undefined {
  if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(v)) return v;
  const m = /^([+-]?)(\d*)\.?(\d*)[eE]([+-]?\d{1,3})$/.exec(v);
  if (!m || (m[2] === '' && m[3] === '')) return undefined;
  const [, sign, whole, frac, exp] = m;
  const digits = whole + frac;
  const point = whole.length + Number(exp);
  let out: string;
  if (point <= 0) out = '0.' + '0'.repeat(-point) + digits;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = digits.slice(0, point) + '.' + digits.slice(point);
  out = out.replace(/^0+(?=\d)/, '');
  return sign === '-' ? '-' + out : out;
}
