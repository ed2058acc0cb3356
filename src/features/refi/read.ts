// The one entry point for an imported REFI-QDA file: picks the reader by extension, or by content
// when the extension says nothing we know.
import type { RefiCodebook, RefiProject } from './model.ts';
import { looksLikeZip } from '../../lib/zip.ts';
import { readQdc } from './read-qdc.ts';
import { readQde } from './read-qde.ts';
import { readQdpx } from './read-qdpx.ts';
import { importFailed } from '../../lib/xml.ts';

export interface RefiFile {
  kind: 'qdpx' | 'qde' | 'qdc';
  project?: RefiProject;
  codebook?: RefiCodebook;
  /** The archive's entries (qdpx only; empty otherwise). */
  files: Map<string, Uint8Array>;
}

export function readRefi(fileName: string, bytes: Uint8Array): RefiFile {
  const label = fileName.split(/[\\/]/).pop() || fileName;
  const ext = /\.([A-Za-z]+)$/.exec(label)?.[1]?.toLowerCase();
  const kind = ext === 'qdpx' || ext === 'qde' || ext === 'qdc' ? ext : sniff(bytes, label);
  if (kind === 'qdpx') return { kind, ...readQdpx(bytes, { label }) };
  if (kind === 'qde') return { kind, project: readQde(bytes, { label }), files: new Map() };
  return { kind, codebook: readQdc(bytes, { label }), files: new Map() };
}

function sniff(bytes: Uint8Array, label: string): RefiFile['kind'] {
  if (looksLikeZip(bytes)) return 'qdpx';
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  const head = new TextDecoder(encoding).decode(bytes.subarray(0, 4096)).replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, '');
  const root = /<(?:[\w.-]+:)?([\w.-]+)/.exec(head)?.[1];
  if (root === 'Project') return 'qde';
  if (root === 'CodeBook') return 'qdc';
  throw importFailed(`${label}: not a REFI-QDA file (expected a .qdpx archive, a .qde project or a .qdc codebook)`);
}
