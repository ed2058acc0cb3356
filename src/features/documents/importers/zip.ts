import { checkOfficeZip, looksLikeZip, type ZipArchive } from '../../../lib/zip.ts';

/**
 * The entry names of a zip archive and the contents of the wanted ones; null when the bytes are
 * not a zip, `{ problem }` when the archive is unsafe or damaged (a zip bomb, a path leaving the
 * archive, a bad checksum). Every entry goes through the same checks as a .qdpx before any
 * Word/OpenDocument reader sees the bytes; only the XML parts are inflated (checkOfficeZip), and
 * only the wanted ones are kept.
 */
export function readZip(
  bytes: Uint8Array,
  wanted: string[],
): { names: string[]; files: Record<string, Uint8Array> } | { problem: string } | null {
  if (!looksLikeZip(bytes)) return null;
  const files: Record<string, Uint8Array> = {};
  let zip: ZipArchive;
  try {
    zip = checkOfficeZip(bytes, 'zip');
    for (const name of wanted) {
      const f = zip.get(name);
      if (f) files[name] = f;
    }
  } catch (e) {
    return { problem: (e as Error).message.replace(/^zip: /, '') };
  }
  return { names: [...zip.keys()], files };
}
