import { readRefi } from './read.ts';
import { resolveNoteText, resolveSourceText, selectionsInUtf16 } from './source-text.ts';
import { EXTENSIONS_PATH, parseExtensions } from './extensions.ts';
import type { RefiSource } from './model.ts';
import { addTranscripts } from './media-import.ts';
import type { ImportInput } from './to-store.ts';
import type { ResolvedText } from './model.ts';

// Everything that reads before the import writes: the file parsed, each source's text found (and
// its selections put into UTF-16 offsets of that text), note texts read, extensions parsed. A
// file that cannot be read fails here, before the project is touched.
export async function loadRefi(fileName: string, bytes: Uint8Array): Promise<ImportInput> {
  const file = readRefi(fileName, bytes);
  const texts = new Map<string, ResolvedText>();
  const p = file.project;
  const extensions = parseExtensions(file.files.get(EXTENSIONS_PATH));
  if (p) {
    const sources: RefiSource[] = [];
    // Thematic's export for NVivo counts UTF-16 units, whatever its origin says.
    const unit = <T extends RefiSource>(x: T): T => (extensions?.offsetUnit === 'utf16' ? { ...x, offsetUnit: 'utf16' as const } : x);
    for (const x of p.sources) {
      if (x.kind !== 'text') {
        sources.push(x);
        continue;
      }
      const s = unit(x);
      const r = await resolveSourceText(s, file.files);
      texts.set(s.guid, r);
      sources.push('text' in r ? { ...s, selections: selectionsInUtf16(s, r.text), offsetUnit: 'utf16' } : s);
    }
    // Transcripts of audio and video sources: timed text sources (media-import.ts).
    for (const s of p.sources) if (s.kind !== 'text') await addTranscripts(sources, s, file.files, texts);
    const notes = p.notes.map((n) => {
      const r = resolveNoteText(n, file.files);
      return 'text' in r ? { ...n, text: r.text } : n;
    });
    file.project = { ...p, sources, notes };
  }
  return {
    fileName: fileName.split(/[\\/]/).pop() || fileName,
    kind: file.kind,
    project: file.project,
    codebook: file.codebook,
    texts,
    extensions,
  };
}
