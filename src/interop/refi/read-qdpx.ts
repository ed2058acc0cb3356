// Reads a .qdpx: a zip holding project.qde and, under Sources/, the sources' texts and originals.
// The archive is checked and unpacked in memory (archive.ts); the texts are resolved later by
// resolveSourceText (source-text.ts), because a missing source should not stop the import.
import { looksLikeZip, openZip, type ZipFiles, type ZipLimits } from './archive.ts';
import type { RefiProject } from './model.ts';
import { readQde } from './read-qde.ts';
import { importFailed } from './xml.ts';

export interface QdpxOptions {
  /** The archive's file name in messages. */
  label?: string;
  limits?: Partial<ZipLimits>;
}

export function readQdpx(bytes: Uint8Array, options: QdpxOptions = {}): { project: RefiProject; files: ZipFiles } {
  const label = options.label ?? 'the .qdpx file';
  if (!looksLikeZip(bytes)) {
    const xml = /^(\uFEFF)?\s*<[?A-Za-z]/.test(new TextDecoder().decode(bytes.subarray(0, 64)));
    throw importFailed(`${label}: not a .qdpx archive (a .qdpx is a zip file)${xml ? '; it looks like XML: is it a .qde project?' : ''}`);
  }
  const files = openZip(bytes, { label, limits: options.limits }); // entries are inflated when used
  const name = [...files.keys()].find((k) => k === 'project.qde') ?? [...files.keys()].find((k) => k.toLowerCase() === 'project.qde');
  if (name === undefined) {
    const some = [...files.keys()].slice(0, 5).map((k) => `"${k}"`).join(', ');
    throw importFailed(`${label}: the archive has no project.qde at its top level${some ? ` (it holds ${some}${files.size > 5 ? ', ...' : ''})` : ' (it is empty)'}`);
  }
  return { project: readQde(files.get(name)!, { label: `${label}: project.qde` }), files };
}
