import mammoth from 'mammoth';
import { TranscriptImportError, reasonOf } from '../../../lib/import-error.ts';
import { normaliseText } from '../../../lib/normalise.ts';
import { readZip } from './zip.ts';

interface WordElement {
  type: string;
  value?: string;
  breakType?: string;
  children?: WordElement[];
}

/** Word's own nesting (body, table, row, cell, paragraph, run, ...) stays far below this. */
const MAX_XML_DEPTH = 256;

/** The deepest element nesting in XML bytes, stopping once past the limit (a linear scan, no tree). */
export function xmlDepth(xml: Uint8Array): number {
  let depth = 0,
    max = 0;
  for (let i = 0; i < xml.length; i++) {
    if (xml[i] !== 0x3c) continue; // <
    const next = xml[i + 1];
    if (next === 0x2f) {
      depth--;
      continue;
    } // </
    if (next === 0x3f || next === 0x21) continue; // <? <!
    let j = i + 1;
    while (j < xml.length && xml[j] !== 0x3e) j++; // >
    if (xml[j - 1] !== 0x2f) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > MAX_XML_DEPTH) return max;
      }
    }
    i = j;
  }
  return max;
}

const invalid = (file: string, why: string) => new TranscriptImportError(file, `not a valid Word document (${why})`);

/**
 * The text of a .docx, one blank-line separated paragraph per Word paragraph. mammoth's own
 * raw-text output drops line breaks (run-on words), so the document tree is walked here.
 */
export async function docxText(file: string, bytes: Uint8Array): Promise<string> {
  const zip = readZip(bytes, ['word/document.xml']);
  if (!zip) throw invalid(file, 'not a zip archive');
  if ('problem' in zip) throw invalid(file, zip.problem);
  if (!zip.names.includes('word/document.xml')) throw invalid(file, 'no word/document.xml in the archive');
  const depth = xmlDepth(zip.files['word/document.xml']);
  if (depth > MAX_XML_DEPTH) {
    // mammoth's XML reader recurses per level: a deeply nested file exhausts the stack and memory.
    throw invalid(file, `its word/document.xml nests elements more than ${MAX_XML_DEPTH} levels deep, which Word never writes`);
  }
  let text = '';
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        transformDocument: (document: WordElement) => {
          text = paragraphsOf(document);
          return { ...document, children: [] }; // nothing left for the HTML writer to do
        },
      },
    );
  } catch (error) {
    throw invalid(file, reasonOf(error));
  }
  return normaliseText(text);
}

function paragraphsOf(element: WordElement): string {
  switch (element.type) {
    case 'text':
      return element.value ?? '';
    case 'tab':
      return '\t';
    case 'break':
      return '\n';
    case 'paragraph':
      return `${childrenOf(element)}\n\n`;
    case 'tableCell':
      return `${childrenOf(element)}\n\n`;
    default:
      return childrenOf(element);
  }
}

function childrenOf(element: WordElement): string {
  return (element.children ?? []).map(paragraphsOf).join('');
}
