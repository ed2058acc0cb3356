import mammoth from 'mammoth';
import { TranscriptImportError, reasonOf } from './errors.ts';
import { normaliseText } from './normalise.ts';
import { readZip } from './zip.ts';

interface WordElement {
  type: string;
  value?: string;
  breakType?: string;
  children?: WordElement[];
}

const invalid = (file: string, why: string) => new TranscriptImportError(file, `not a valid Word document (${why})`);

/**
 * The text of a .docx, one blank-line separated paragraph per Word paragraph. mammoth's own
 * raw-text output drops line breaks (run-on words), so the document tree is walked here.
 */
export async function docxText(file: string, bytes: Uint8Array): Promise<string> {
  const zip = readZip(bytes, []);
  if (!zip) throw invalid(file, 'not a zip archive');
  if ('problem' in zip) throw invalid(file, zip.problem);
  if (!zip.names.includes('word/document.xml')) throw invalid(file, 'no word/document.xml in the archive');
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
