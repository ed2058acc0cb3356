// A text source's text, wherever the file put it: inline PlainTextContent, a plain-text file in
// the .qdpx (plainTextPath), or failing that the .docx original (richTextPath). Paths outside
// the archive (relative:// or absolute) are never read: an imported project does not get to
// make Thematic open files on this computer. Such a source is reported missing instead.
import mammoth from 'mammoth';
import { codePointsToUtf16 } from './offsets.ts';
import { checkOfficeZip, type ZipFiles } from '../../lib/zip.ts';
import type { RefiCoding, RefiNote, RefiTextSelection, RefiTextSource } from './model.ts';
import { decodeUnicode, importFailed } from '../../lib/xml.ts';

export type SourceText = { text: string; from: 'inline' | 'plain-text-file' | 'docx' } | { missing: string };

export async function resolveSourceText(source: RefiTextSource, files: ZipFiles): Promise<SourceText> {
  const inline = source.plainTextContent;
  if (inline !== undefined && (inline !== '' || (!source.plainTextPath && !source.richTextPath))) return { text: inline, from: 'inline' };
  const why: string[] = [];
  if (source.plainTextPath) {
    const found = lookUp(source.plainTextPath, files, why);
    if (found) return { text: decodeUnicode(found.bytes, found.entry).text, from: 'plain-text-file' };
  }
  if (source.richTextPath) {
    if (!/\.docx$/i.test(source.richTextPath)) why.push(`its rich text "${source.richTextPath}" is not a .docx`);
    else {
      const found = lookUp(source.richTextPath, files, why);
      if (found) return { text: await docxText(found.entry, found.bytes), from: 'docx' };
    }
  }
  if (!source.plainTextPath && !source.richTextPath) why.push('the file gives no PlainTextContent, plainTextPath or richTextPath');
  return { missing: `source "${source.name.trim() ? source.name : source.guid}": no text: ${why.join('; ')}` };
}

/** A note's text: inline, or its plainTextPath in the archive. */
export function resolveNoteText(note: RefiNote, files: ZipFiles): { text: string } | { missing: string } {
  if (!note.plainTextPath) return { text: note.text };
  const why: string[] = [];
  const found = lookUp(note.plainTextPath, files, why);
  return found
    ? { text: decodeUnicode(found.bytes, found.entry).text }
    : { missing: `note "${note.name ?? note.guid}": no text: ${why.join('; ')}` };
}

/**
 * internal://x -> the archive's sources/x; a bare relative path (the qc library writes
 * plainTextPath="board_2017.txt") -> that entry, or sources/x. Letter case and \ are tolerated.
 * Anything else (absolute://, relative://, C:\..., /...) is outside the archive and never read.
 */
function lookUp(path: string, files: ZipFiles, why: string[]): { entry: string; bytes: Uint8Array } | undefined {
  const p = path.trim();
  const internal = /^internal:\/\/(.+)$/i.exec(p);
  const bare = !internal && !/^[A-Za-z][\w+.-]*:/.test(p) && !/^[\\/]/.test(p) && !p.replace(/\\/g, '/').split('/').includes('..');
  if (!internal && !bare) {
    why.push(`"${path}" is outside the project file, and Thematic never reads paths named by an imported project from disk`);
    return undefined;
  }
  const rel = internal ? internal[1] : p;
  const wanted = (internal ? [`sources/${rel}`] : [rel, `sources/${rel}`]).map((e) => e.replace(/\\/g, '/'));
  // Exact names first (NVivo and older Thematic write Sources/); only then a scan ignoring case.
  for (const entry of [...wanted, ...wanted.filter((e) => e.startsWith('sources/')).map((e) => `S${e.slice(1)}`)]) {
    const exact = files.get(entry);
    if (exact) return { entry, bytes: exact };
  }
  const lower = new Set(wanted.map((e) => e.toLowerCase()));
  for (const name of files.keys()) if (lower.has(name.replace(/\\/g, '/').toLowerCase())) return { entry: name, bytes: files.get(name)! };
  why.push(
    files.size === 0 ? `"${path}" needs the .qdpx archive it came from` : `"${path}" is not in the archive (no ${wanted.join(' or ')})`,
  );
  return undefined;
}

async function docxText(entry: string, bytes: Uint8Array): Promise<string> {
  // mammoth unzips with no limits of its own: the same checks as the .qdpx first.
  checkOfficeZip(bytes, entry);
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    return result.value;
  } catch (error) {
    throw importFailed(`${entry}: not a readable Word document (${error instanceof Error ? error.message : String(error)})`);
  }
}

/**
 * The source's selections with UTF-16 offsets into `text` (its resolved text). Files that count
 * code points (offsetUnit 'codepoint': every origin but NVivo) are converted; others are copied.
 */
export function selectionsInUtf16(source: RefiTextSource, text: string): RefiTextSelection[] {
  if (source.offsetUnit !== 'codepoint') return source.selections.map((s) => ({ ...s }));
  const offsets = codePointsToUtf16(
    text,
    source.selections.flatMap((s) => [s.start, s.end]),
  );
  return source.selections.map((s, i) => ({ ...s, start: offsets[2 * i], end: offsets[2 * i + 1] }));
}

/**
 * Who applied a code. A selection and each of its codings name a creatingUser, and they can
 * differ. In the NVivo corpus file 297 of 303 selections name the source's creator while every
 * Coding names the other user (who did the coding), so the selection's user is not the coder.
 * The coder is the Coding's creatingUser, falling back to the selection's when it has none.
 */
export const coderOf = (selection: RefiTextSelection, coding: RefiCoding): string | undefined =>
  coding.creatingUser ?? selection.creatingUser;
