// Reads a .qdpx: a zip holding one .qde project (project.qde by the standard) and, under sources/, the sources' texts and originals.
// The archive is checked and unpacked in memory (archive.ts); the texts are resolved later by
// resolveSourceText (source-text.ts), because a missing source should not stop the import.
import { looksLikeZip, openZip, type ZipFiles, type ZipLimits } from '../../lib/zip.ts';
import type { RefiProject } from './model.ts';
import { readQde } from './read-qde.ts';
import { importFailed } from '../../lib/xml.ts';

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
  // The standard names it project.qde; ATLAS.ti 26 names it after the project ("Trial.qde").
  // Any single .qde at the top level will do; none or several is refused.
  const qdes = [...files.keys()].filter((k) => !/[\\/]/.test(k) && /\.qde$/i.test(k));
  if (qdes.length !== 1) {
    const list = (names: string[]) =>
      names
        .slice(0, 5)
        .map((k) => `"${k}"`)
        .join(', ') + (names.length > 5 ? ', ...' : '');
    throw importFailed(
      qdes.length > 1
        ? `${label}: the archive has ${qdes.length} project files at its top level (${list(qdes)}); a .qdpx holds exactly one .qde, so it is unclear which to read`
        : `${label}: the archive has no .qde project file at its top level${files.size ? ` (it holds ${list([...files.keys()])})` : ' (it is empty)'}`,
    );
  }
  const name = qdes[0];
  return { project: readQde(files.get(name)!, { label: `${label}: ${name}` }), files };
}
