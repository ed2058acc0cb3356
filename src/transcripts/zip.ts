import { unzipSync } from 'fflate';

/**
 * The entry names of a zip archive and the contents of the wanted ones, or null when the bytes
 * are not a zip. Only wanted entries are inflated, so a large embedded video costs nothing.
 */
export function readZip(bytes: Uint8Array, wanted: string[]): { names: string[]; files: Record<string, Uint8Array> } | null {
  const names: string[] = [];
  try {
    const files = unzipSync(bytes, {
      filter: (entry) => {
        names.push(entry.name);
        return wanted.includes(entry.name);
      },
    });
    return { names, files };
  } catch {
    return null;
  }
}
