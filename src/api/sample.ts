import fs from 'node:fs';
import path from 'node:path';
import { Service } from './service.ts';
import { linkRecordingFile } from './media-link.ts';

const root = path.resolve(import.meta.dirname, '../..');
export const SAMPLE_DIR = path.join(root, 'fixtures/sample');
export const SAMPLE_PATH = path.join(root, 'fixtures/build/sample.thematic');
/** Recordings of the VTT interviews, `<VTT base name>.opus`, made by the script that synthesises them. */
export const SAMPLE_RECORDINGS = path.join(root, 'fixtures/recordings');

interface CodebookEntry {
  name: string;
  parent: string | null;
  color: string;
  definition: string;
  whenToUse: string;
  whenNotToUse: string;
  example: string;
  inVivo: boolean;
}
interface CodingEntry {
  document: string;
  code: string;
  quote: string;
  occurrence?: number;
  coders: string[];
}
interface ThemeEntry {
  name: string;
  definition: string;
  codes: string[];
  subthemes?: ThemeEntry[];
}
interface ThemesFile {
  core: { name: string; definition: string; groups: { name: string; definition: string; themes: ThemeEntry[] }[] }[];
}
interface MemoEntry {
  target: 'project' | 'document' | 'code';
  ref: string | null;
  title: string;
  body: string;
  author: string;
}

const readJson = <T>(name: string): T => JSON.parse(fs.readFileSync(path.join(SAMPLE_DIR, name), 'utf8')) as T;

/** "P04-patient.txt" -> "P4": transcript files carry the participant id in their name. */
export const participantOf = (file: string): string => {
  const m = /^P0*(\d+)/i.exec(file);
  if (!m) throw new Error(`sample transcript ${file} does not start with a participant id`);
  return `P${m[1]}`;
};

/** Builds the fictional sample study from fixtures/sample into a new project file (atomically). */
export async function buildSample(out: string, opts: { force: boolean; recordingsDir?: string }): Promise<void> {
  if (fs.existsSync(out) && !opts.force) return;
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const tmp = `${out}.building-${process.pid}`;
  fs.rmSync(tmp, { force: true });
  const s = Service.open(tmp, { create: true });
  try {
    await populate(s, opts.recordingsDir ?? SAMPLE_RECORDINGS);
  } finally {
    s.close();
  }
  for (const ext of ['', '-wal', '-shm']) fs.rmSync(out + ext, { force: true });
  fs.renameSync(tmp, out);
}

async function populate(s: Service, recordings: string): Promise<void> {
  const actor = { actor: 'sample builder' };
  await s.call('participants.importCsv', { csv: fs.readFileSync(path.join(SAMPLE_DIR, 'participants.csv'), 'utf8') }, actor);
  const dir = path.join(SAMPLE_DIR, 'transcripts');
  const docIds = new Map<string, number>();
  for (const file of fs.readdirSync(dir).sort()) {
    const r = await s.call(
      'documents.import',
      {
        files: [{ name: file, contentBase64: fs.readFileSync(path.join(dir, file)).toString('base64') }],
        participant: participantOf(file),
      },
      actor,
    );
    docIds.set(participantOf(file), r.documents[0].id);
    // A VTT interview gets its recording, linked by reference, when there is one.
    const recording = path.join(recordings, file.replace(/\.vtt$/i, '.opus'));
    if (/\.vtt$/i.test(file) && fs.existsSync(recording)) await linkRecordingFile(s, r.documents[0].id, recording, actor);
  }
  const codeIds = new Map<string, number>();
  const pending = readJson<CodebookEntry[]>('codebook.json');
  // Parents before children, whatever order the file lists them in.
  while (pending.length) {
    const k = pending.findIndex((c) => c.parent === null || codeIds.has(c.parent));
    if (k < 0) throw new Error(`codebook.json: parent code not found for ${pending.map((c) => c.name).join(', ')}`);
    const [c] = pending.splice(k, 1);
    const code = await s.call(
      'codes.create',
      {
        name: c.name,
        parentId: c.parent ? codeIds.get(c.parent)! : null,
        color: c.color,
        definition: c.definition,
        whenToUse: c.whenToUse,
        whenNotToUse: c.whenNotToUse,
        example: c.example,
        inVivo: c.inVivo,
      },
      actor,
    );
    codeIds.set(c.name, code.id);
  }
  const texts = new Map<number, string>();
  for (const c of readJson<CodingEntry[]>('codings.json')) {
    const documentId = docIds.get(c.document);
    const codeId = codeIds.get(c.code);
    if (!documentId || !codeId) throw new Error(`codings.json: unknown document ${c.document} or code ${c.code}`);
    if (!texts.has(documentId)) texts.set(documentId, (await s.call('documents.get', { id: documentId })).text);
    const start = nthIndexOf(texts.get(documentId)!, c.quote, c.occurrence ?? 1);
    if (start < 0) throw new Error(`codings.json: quote not found in ${c.document}: "${c.quote}"`);
    for (const coder of c.coders) {
      await s.call('codings.create', { documentId, codeId, coder, start, end: start + c.quote.length }, { actor: coder });
    }
  }
  if (fs.existsSync(path.join(SAMPLE_DIR, 'themes.json'))) await buildThemes(s, codeIds);
  if (fs.existsSync(path.join(SAMPLE_DIR, 'memos.json'))) {
    for (const m of readJson<MemoEntry[]>('memos.json')) {
      const targetId = m.target === 'project' ? null : m.target === 'document' ? docIds.get(m.ref ?? '') : codeIds.get(m.ref ?? '');
      if (targetId === undefined) throw new Error(`memos.json: unknown ${m.target} ${m.ref}`);
      await s.call('memos.create', { targetType: m.target, targetId, title: m.title, body: m.body, author: m.author }, { actor: m.author });
    }
  }
}

/** The theme tree of the reference study's Fig. 1, with the codebook's codes attached, through the API. */
async function buildThemes(s: Service, codeIds: Map<string, number>): Promise<void> {
  const actor = { actor: 'sample builder' };
  const codesOf = (t: ThemeEntry) =>
    t.codes.map((name) => {
      const id = codeIds.get(name);
      if (!id) throw new Error(`themes.json: theme "${t.name}" names unknown code "${name}"`);
      return id;
    });
  const addTheme = async (t: ThemeEntry, parentId: number, kind: 'theme' | 'subtheme'): Promise<void> => {
    const theme = await s.call('themes.create', { kind, parentId, name: t.name, definition: t.definition, codeIds: codesOf(t) }, actor);
    for (const sub of t.subthemes ?? []) await addTheme(sub, theme.id, 'subtheme');
  };
  for (const c of readJson<ThemesFile>('themes.json').core) {
    const core = await s.call('themes.create', { kind: 'core', name: c.name, definition: c.definition }, actor);
    for (const g of c.groups) {
      const group = await s.call('themes.create', { kind: 'group', parentId: core.id, name: g.name, definition: g.definition }, actor);
      for (const t of g.themes) await addTheme(t, group.id, 'theme');
    }
  }
}

function nthIndexOf(text: string, quote: string, n: number): number {
  let at = -1;
  for (let k = 0; k < n; k++) {
    at = text.indexOf(quote, at + 1);
    if (at < 0) return -1;
  }
  return at;
}
