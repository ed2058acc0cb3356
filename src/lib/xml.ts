// Safe XML reading for REFI-QDA files. A project file comes from someone else's computer, so:
// no DTDs at all (no entity expansion, no external entities), only UTF-8 or UTF-16, and every
// problem is reported as a ThematicError naming the file (and the line when we know it).
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ThematicError } from '../core/errors.ts';
import { firstInvalidUtf8 } from './decode.ts';

/** One XML element, namespace prefixes dropped, attribute values and text entity-decoded. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (text and CDATA between its children), exactly as given. */
  text: string;
}

export const importFailed = (message: string) => new ThematicError('import_failed', message);

/** Bytes (with or without a byte-order mark) or an already decoded string -> XML text. */
function xmlText(input: string | Uint8Array, label: string): string {
  if (typeof input === 'string') {
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    checkDeclaredEncoding(text, ['utf-8', 'utf-16'], label);
    return text;
  }
  if (input.length >= 2 && ((input[0] === 0x3c && input[1] === 0) || (input[0] === 0 && input[1] === 0x3c))) {
    throw importFailed(`${label}: the file looks like UTF-16 without a byte-order mark; save it as UTF-8`);
  }
  const { text, encoding } = decodeUnicode(input, label);
  checkDeclaredEncoding(text, [encoding === 'utf-8' ? 'utf-8' : 'utf-16'], label);
  return text;
}

/**
 * Decodes UTF-8 (BOM optional, dropped) or UTF-16 with a BOM. Anything else is refused with the
 * byte offset and line of the first bad byte, rather than silently turned into U+FFFD.
 */
export function decodeUnicode(bytes: Uint8Array, label: string): { text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: utf16(bytes.subarray(2), false, label), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: utf16(bytes.subarray(2), true, label), encoding: 'utf-16be' };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf-8' };
  } catch {
    const at = firstInvalidUtf8(body);
    const line = countLines(body, at);
    throw importFailed(
      `${label}: line ${line}: the text is not valid UTF-8 (bad byte 0x${(body[at] ?? 0).toString(16).padStart(2, '0')} at byte ${at}); ` +
        'save the file as UTF-8',
    );
  }
}

function utf16(body: Uint8Array, bigEndian: boolean, label: string): string {
  if (body.length % 2 !== 0) throw importFailed(`${label}: the UTF-16 text has an odd number of bytes (damaged or not UTF-16)`);
  let le = body;
  if (bigEndian) {
    le = new Uint8Array(body.length);
    for (let i = 0; i < body.length; i += 2) {
      le[i] = body[i + 1];
      le[i + 1] = body[i];
    }
  }
  try {
    return new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }).decode(le);
  } catch {
    throw importFailed(`${label}: the UTF-16 text is damaged (unpaired surrogate); save the file as UTF-8`);
  }
}

function countLines(b: Uint8Array, end: number): number {
  let line = 1;
  for (let i = 0; i < end; i++) if (b[i] === 0x0a) line++;
  return line;
}

const lineAt = (text: string, index: number) => {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
};

function checkDeclaredEncoding(text: string, allowed: ('utf-8' | 'utf-16')[], label: string): void {
  const decl = /^<\?xml\s[^>]*?\bencoding\s*=\s*["']([^"']*)["']/.exec(text);
  if (!decl) return;
  const name = decl[1].toLowerCase();
  const family = /^utf-?8$/.test(name) ? 'utf-8' : /^utf-?16(le|be)?$/.test(name) ? 'utf-16' : undefined;
  if (family && allowed.includes(family)) return;
  throw importFailed(
    family
      ? `${label}: line 1: the XML declaration says encoding="${decl[1]}" but the file is ${allowed[0].toUpperCase()}`
      : `${label}: line 1: the XML declaration says encoding="${decl[1]}"; Thematic reads REFI-QDA files only in UTF-8 (as the standard requires) or UTF-16: save the file as UTF-8`,
  );
}

/**
 * Refuses any markup declaration (<!DOCTYPE, <!ENTITY, <!ELEMENT...) outside comments and CDATA.
 * REFI-QDA never needs a DTD, and a DTD is how entity bombs and external-entity reads get in.
 */
function refuseDeclarations(text: string, label: string): void {
  let i = text.indexOf('<!');
  while (i !== -1) {
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end === -1) return; // unterminated comment: the validator reports it
      i = text.indexOf('<!', end + 3);
    } else if (text.startsWith('<![CDATA[', i)) {
      const end = text.indexOf(']]>', i + 9);
      if (end === -1) return;
      i = text.indexOf('<!', end + 3);
    } else {
      const word = (/^<!\s*([A-Za-z]*)/.exec(text.slice(i, i + 20))?.[1] ?? '').toUpperCase();
      const why =
        word === 'DOCTYPE'
          ? 'the XML declares a DOCTYPE; REFI-QDA files never need one and it is refused (external entities)'
          : word === 'ENTITY'
            ? 'the XML declares an ENTITY; REFI-QDA files never need one and it is refused (entity expansion)'
            : `the XML contains a markup declaration "<!${word}"; REFI-QDA files never need one and it is refused`;
      throw importFailed(`${label}: line ${lineAt(text, i)}: ${why}`);
    }
  }
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // Entities are decoded below (the parser leaves numeric references alone), never from a DTD.
  processEntities: false,
  htmlEntities: false,
  cdataPropName: '#cdata',
  commentPropName: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/** Decoded, checked, parsed: the root element. */
export function parseXml(input: string | Uint8Array, label: string): XmlElement {
  const text = xmlText(input, label);
  if (text.trim() === '') throw importFailed(`${label}: the file is empty`);
  refuseDeclarations(text, label);
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    const where = line ? `line ${line}${col ? `, column ${col}` : ''}: ` : '';
    throw importFailed(`${label}: ${where}malformed XML: ${msg}`);
  }
  let nodes: unknown[];
  try {
    nodes = parser.parse(text) as unknown[];
  } catch (error) {
    throw importFailed(`${label}: malformed XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  const roots = nodes.map((n) => toElement(n as RawNode, label, '')).filter((e): e is XmlElement => e !== undefined);
  if (roots.length !== 1) throw importFailed(`${label}: malformed XML: expected one root element, found ${roots.length}`);
  return roots[0];
}

type RawNode = Record<string, unknown>;

function toElement(node: RawNode, label: string, parentPath: string): XmlElement | undefined {
  const name = Object.keys(node).find((k) => k !== ':@');
  if (name === undefined || name === '#text' || name === '#cdata') return undefined;
  const path = parentPath ? `${parentPath}/${name}` : name;
  const attrs: Record<string, string> = Object.create(null);
  const rawAttrs = (node[':@'] ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(rawAttrs)) attrs[key] = decodeEntities(String(value), label, `${path}@${key}`);
  const children: XmlElement[] = [];
  let text = '';
  for (const child of (node[name] ?? []) as RawNode[]) {
    if ('#text' in child) text += decodeEntities(String(child['#text']), label, path);
    else if ('#cdata' in child) for (const part of child['#cdata'] as RawNode[]) text += String(part['#text'] ?? '');
    else {
      const element = toElement(child, label, path);
      if (element) children.push(element);
    }
  }
  return { name, attrs, children, text };
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(raw: string, label: string, where: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(?:#([0-9]{1,8})|#x([0-9a-fA-F]{1,7})|([A-Za-z_][\w.-]*))?(;?)/g, (all, dec, hex, named, semi) => {
    if (!semi || (dec === undefined && hex === undefined && named === undefined)) {
      throw importFailed(`${label}: in ${where}: malformed XML: "&" must be written as &amp;`);
    }
    if (named !== undefined) {
      const value = NAMED[named];
      if (value === undefined) {
        throw importFailed(
          `${label}: in ${where}: the entity &${named}; is not defined (REFI-QDA files use no DTD, so only &lt; &gt; &amp; &quot; &apos; and numeric references exist)`,
        );
      }
      return value;
    }
    const cp = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex, 16);
    const ok =
      cp === 0x9 ||
      cp === 0xa ||
      cp === 0xd ||
      (cp >= 0x20 && cp <= 0xd7ff) ||
      (cp >= 0xe000 && cp <= 0xfffd) ||
      (cp >= 0x10000 && cp <= 0x10ffff);
    if (!ok) throw importFailed(`${label}: in ${where}: ${all} is not a character XML allows`);
    return String.fromCodePoint(cp);
  });
}

// Queries used by the readers.
export const childrenNamed = (el: XmlElement, name: string) => el.children.filter((c) => c.name === name);
export const firstChild = (el: XmlElement, name: string) => el.children.find((c) => c.name === name);
export const childText = (el: XmlElement, name: string) => firstChild(el, name)?.text;

/** All descendants named `name` (not the element itself). */
export function countDescendants(el: XmlElement, name: string): number {
  let n = 0;
  for (const c of el.children) n += (c.name === name ? 1 : 0) + countDescendants(c, name);
  return n;
}
