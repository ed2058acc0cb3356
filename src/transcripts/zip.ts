import { looksLikeZip, readZip as readCheckedZip } from '../interop/refi/archive.ts';

/** A transcript is at most 200 MB; what it unpacks to is capped too (mammoth has no limits of its own). */
const LIMITS = { maxEntryBytes: 256 * 1024 * 1024, maxTotalBytes: 512 * 1024 * 1024 };

/**
 * The entry names of a zip archive and the contents of the wanted ones; null when the bytes are
 * not a zip, `{ problem }` when the archive is unsafe or damaged (a zip bomb, a path leaving the
 * archive, a bad checksum). Every entry goes through the same checks as a .qdpx before any
 * Word/OpenDocument reader sees the bytes.
 */
export function readZip(bytes: Uint8Array, wanted: string[]): { names: string[]; files: Record<string, Uint8Array> } | { problem: string } | null {
  if (!looksLikeZip(bytes)) return null;
  let all: Map<string, Uint8Array>;
  try {
    all = readCheckedZip(bytes, { label: 'zip', limits: LIMITS });
  } catch (e) {
    return { problem: (e as Error).message.replace(/^zip: /, '') };
  }
  const files: Record<string, Uint8Array> = {};
  for (const name of wanted) { const f = all.get(name); if (f) files[name] = f; }
  return { names: [...all.keys()], files };
}
