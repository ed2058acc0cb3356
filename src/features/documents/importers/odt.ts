import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { decodeEntities } from './cues.ts';
import { TranscriptImportError, reasonOf } from '../../../lib/import-error.ts';
import { normaliseText } from '../../../lib/normalise.ts';
import { readZip } from './zip.ts';

type XmlNode = Record<string, unknown>;

const invalid = (file: string, why: string) => new TranscriptImportError(file, `not a valid OpenDocument text (${why})`);

// Entities are decoded by hand (XML's five and character references only), so no DOCTYPE-defined
// entity can expand; documents with a DOCTYPE are refused outright.
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  htmlEntities: false,
});

// Not part of what was said: notes, comments, deleted tracked changes, the page furniture.
const SKIPPED = new Set([
  'text:note',
  'office:annotation',
  'text:tracked-changes',
  'text:soft-page-break',
  'text:bookmark',
  'text:reference-mark',
]);

/** The text of an .odt, one blank-line separated paragraph per text:p / text:h. */
export function odtText(file: string, bytes: Uint8Array): string {
  const zip = readZip(bytes, ['content.xml']);
  if (!zip) throw invalid(file, 'not a zip archive');
  if ('problem' in zip) throw invalid(file, zip.problem);
  const content = zip.files['content.xml'];
  if (!content) throw invalid(file, 'no content.xml in the archive');
  let xml: string;
  try {
    xml = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw invalid(file, 'content.xml is not UTF-8');
  }
  if (/<!DOCTYPE/i.test(xml)) throw invalid(file, 'content.xml has a DOCTYPE, which is not allowed');
  // The parser is forgiving about mismatched tags; a damaged file should say so instead.
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw invalid(file, `content.xml is not well-formed: ${valid.err.msg} (line ${valid.err.line})`);
  let tree: XmlNode[];
  try {
    tree = parser.parse(xml) as XmlNode[];
  } catch (error) {
    throw invalid(file, `content.xml is not well-formed: ${reasonOf(error)}`);
  }
  const paragraphs: string[] = [];
  collectParagraphs(tree, paragraphs);
  return normaliseText(paragraphs.join('\n\n'));
}

function tagOf(node: XmlNode): string {
  return Object.keys(node).find((k) => k !== ':@') ?? '';
}

function childrenOf(node: XmlNode, tag: string): XmlNode[] {
  const value = node[tag];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

function collectParagraphs(nodes: XmlNode[], out: string[]): void {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (SKIPPED.has(tag) || tag === '#text') continue;
    if (tag === 'text:p' || tag === 'text:h') out.push(inlineText(childrenOf(node, tag)).trim());
    else collectParagraphs(childrenOf(node, tag), out);
  }
}

/** ODF collapses runs of whitespace in the XML; real spacing is spelled text:s, text:tab, text:line-break. */
function inlineText(nodes: XmlNode[]): string {
  const state = { text: '', afterSpace: true }; // a paragraph's leading whitespace is dropped
  appendInline(nodes, state);
  return state.text;
}

function appendInline(nodes: XmlNode[], state: { text: string; afterSpace: boolean }): void {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === '#text') {
      let raw = String(node['#text']).replace(/[ \t\r\n]+/g, ' ');
      if (state.afterSpace) raw = raw.replace(/^ /, '');
      if (raw === '') continue;
      state.text += decodeEntities(raw);
      state.afterSpace = raw.endsWith(' ');
    } else if (tag === 'text:s') {
      const attrs = (node[':@'] ?? {}) as Record<string, string>;
      state.text += ' '.repeat(Math.max(1, Math.min(1000, Number(attrs['@_text:c'] ?? 1) || 1)));
      state.afterSpace = false;
    } else if (tag === 'text:tab' || tag === 'text:line-break') {
      state.text += tag === 'text:tab' ? '\t' : '\n';
      state.afterSpace = false;
    } else if (!SKIPPED.has(tag)) {
      appendInline(childrenOf(node, tag), state); // text:span, text:a, text:meta...
    }
  }
}
