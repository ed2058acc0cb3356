import fs from 'node:fs';
import path from 'node:path';
import { Service } from '../api/service.ts';
import { ThematicError } from '../core/errors.ts';
import { writeError, writeFileAtomic } from '../lib/atomic-write.ts';
import { MAX_TRANSCRIPT_BYTES } from '../api/contract-limits.ts';
import { flag, flags, UsageError, type Parsed } from './args.ts';
import { processIo, type Io } from './io.ts';
import { backupSettings } from '../lib/backup-paths.ts';
import { locationWarning } from '../lib/location.ts';

export async function withProject<T>(
  file: string | undefined,
  fn: (s: Service) => Promise<T>,
  create = false,
  claimEmpty = false,
): Promise<T> {
  if (!file) throw new UsageError('give the project file, e.g. study.thematic');
  // A project created for this command (an import into a new file) is removed again if the command fails.
  const created = create && !fs.existsSync(file);
  const s = Service.open(file, { create, claimEmpty, autoBackup: backupSettings() });
  const where = locationWarning(s.path);
  if (where) processIo.err(`thematic: warning: ${where}`);
  try {
    return await fn(s);
  } catch (e) {
    if (created) {
      s.close();
      for (const ext of ['', '-wal', '-shm', '-journal', '-lock']) fs.rmSync(file + ext, { force: true });
    }
    throw e;
  } finally {
    await s.closeWithBackup().finally(() => s.close());
    for (const p of s.backups?.problems ?? []) processIo.err(`thematic: warning: ${p}`);
  }
}

/** Who the operations of a CLI run are recorded as. */
export const actor = () => process.env.THEMATIC_USER || process.env.USER || 'researcher';

/** Writes a figure, report or export to --out (atomically: see atomic-write.ts), making its folder first. */
export function writeOutputFile(out: string, bytes: string | Uint8Array): void {
  try {
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  } catch (e) {
    throw writeError(e, out);
  }
  writeFileAtomic(out, bytes);
}

/** A file the user named as input, with the CLI's one message when it is not there. */
export function readInputFile(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch {
    throw new ThematicError('not_found', `${file}: no such file`);
  }
}

export async function cmdNew(p: Parsed, io: Io): Promise<number> {
  const file = p.positionals[0];
  if (!file) throw new UsageError('usage: thematic new FILE');
  // An empty file (say, made by a save dialog) may be claimed; anything else is never overwritten.
  if (fs.existsSync(file) && fs.statSync(file).size > 0) throw new ThematicError('exists', `${file} already exists; choose another name`);
  await withProject(file, async () => undefined, true, true);
  io.out(`Created ${file}`);
  return 0;
}

function parseAttrs(list: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of list) {
    const eq = a.indexOf('=');
    if (eq <= 0) throw new UsageError(`--attr expects key=value, got "${a}"`);
    out[a.slice(0, eq).trim()] = a.slice(eq + 1).trim();
  }
  return out;
}

/** Reads transcript files for import, refusing oversize files before reading them. */
export function readTranscriptFiles(paths: string[]): { name: string; contentBase64: string }[] {
  return paths.map((f) => {
    let st: fs.Stats;
    try {
      st = fs.statSync(f);
    } catch {
      throw new ThematicError('not_found', `${f}: no such file`);
    }
    if (st.isDirectory()) throw new ThematicError('invalid_input', `${f}: is a folder, not a transcript file`);
    if (st.size > MAX_TRANSCRIPT_BYTES) {
      throw new ThematicError(
        'too_large',
        `${path.basename(f)}: file is ${(st.size / 2 ** 20).toFixed(0)} MB; the limit for one transcript is ${MAX_TRANSCRIPT_BYTES / 2 ** 20} MB. Nothing was imported.`,
      );
    }
    return { name: path.basename(f), contentBase64: fs.readFileSync(f).toString('base64') };
  });
}

export async function cmdImport(p: Parsed, io: Io): Promise<number> {
  const [file, ...inputs] = p.positionals;
  if (!file || !inputs.length)
    throw new UsageError('usage: thematic import FILE TRANSCRIPTS... [--participant ID] [--attr k=v]... [--speaker-pattern REGEX]');
  const files = readTranscriptFiles(inputs);
  return withProject(
    file,
    async (s) => {
      const attrs = parseAttrs(flags(p, 'attr'));
      const r = await s.call(
        'documents.import',
        {
          files,
          participant: flag(p, 'participant'),
          attributes: Object.keys(attrs).length ? attrs : undefined,
          speakerPattern: flag(p, 'speaker-pattern'),
        },
        { actor: actor() },
      );
      if (p.bools.has('json')) io.out(JSON.stringify(r, null, 2));
      else {
        for (const d of r.documents)
          io.out(
            `Imported ${d.originalFilename}: ${d.wordCount} words, ${d.turnCount} turns${d.participant ? `, participant ${d.participant}` : ''}`,
          );
        for (const w of r.warnings) io.err(`warning: ${w.file}: ${w.message}`);
      }
      return 0;
    },
    true,
  );
}

export async function cmdDocs(p: Parsed, io: Io): Promise<number> {
  return withProject(p.positionals[0], async (s) => {
    const attr = flag(p, 'attr');
    const filter = attr ? Object.entries(parseAttrs([attr])).map(([key, value]) => ({ key, value }))[0] : undefined;
    const docs = await s.call('documents.list', { attribute: filter });
    if (p.bools.has('json')) {
      io.out(JSON.stringify(docs, null, 2));
      return 0;
    }
    if (!docs.length) {
      io.out('No documents yet. Add some with: thematic import FILE TRANSCRIPTS...');
      return 0;
    }
    const rows = docs.map((d) => [
      String(d.id),
      d.name,
      d.format,
      d.participant ?? '-',
      String(d.wordCount),
      Object.entries(d.codingsByCoder)
        .map(([k, n]) => `${k}:${n}`)
        .join(' ') || '-',
    ]);
    io.out(table(['id', 'document', 'format', 'participant', 'words', 'codings'], rows));
    return 0;
  });
}

export async function cmdCodes(p: Parsed, io: Io): Promise<number> {
  return withProject(p.positionals[0], async (s) => {
    const codes = await s.call('codes.list', {});
    if (p.bools.has('json')) {
      io.out(JSON.stringify(codes, null, 2));
      return 0;
    }
    if (!codes.length) {
      io.out('No codes yet.');
      return 0;
    }
    const byParent = new Map<number | null, typeof codes>();
    for (const c of codes) (byParent.get(c.parentId) ?? byParent.set(c.parentId, []).get(c.parentId)!).push(c);
    const lines: string[] = [];
    const walk = (parent: number | null, depth: number) => {
      for (const c of byParent.get(parent) ?? []) {
        lines.push(
          `${'  '.repeat(depth)}${c.name}${c.inVivo ? ' (in vivo)' : ''}  [${c.codingCount} codings, ${c.documentCount} documents, ${c.participantCount} participants]`,
        );
        walk(c.id, depth + 1);
      }
    };
    walk(null, 0);
    io.out(lines.join('\n'));
    return 0;
  });
}

export async function cmdParticipants(p: Parsed, io: Io): Promise<number> {
  return withProject(p.positionals[0], async (s) => {
    const csv = flag(p, 'import');
    if (csv) {
      const r = await s.call('participants.importCsv', { csv: fs.readFileSync(csv, 'utf8') }, { actor: actor() });
      io.out(`Participants: ${r.created} created, ${r.updated} updated, ${r.linkedSpeakers} speakers linked`);
    }
    const list = await s.call('participants.list', {});
    if (p.bools.has('json')) io.out(JSON.stringify(list, null, 2));
    else if (!csv)
      io.out(
        table(
          ['participant', 'documents', 'attributes'],
          list.map((x) => [
            x.label,
            String(x.documentCount),
            Object.entries(x.attributes)
              .map(([k, v]) => `${k}=${v}`)
              .join(', '),
          ]),
        ),
      );
    return 0;
  });
}

export async function cmdSearch(p: Parsed, io: Io): Promise<number> {
  const [file, ...q] = p.positionals;
  return withProject(file, async (s) => {
    const r = await s.call('search.query', { query: q.join(' '), limit: Number(flag(p, 'limit') ?? 200) });
    if (p.bools.has('json')) {
      io.out(JSON.stringify(r, null, 2));
      return 0;
    }
    for (const h of r.hits) io.out(`${h.document}${h.participant ? ` (${h.participant})` : ''}: …${h.before}[${h.match}]${h.after}…`);
    io.out(`${r.total} hit${r.total === 1 ? '' : 's'}`);
    return 0;
  });
}

export async function cmdHistory(p: Parsed, io: Io, what: 'list' | 'undo' | 'redo'): Promise<number> {
  return withProject(p.positionals[0], async (s) => {
    if (what === 'list') {
      const r = await s.call('history.list', { limit: Number(flag(p, 'limit') ?? 50) });
      if (p.bools.has('json')) io.out(JSON.stringify(r, null, 2));
      else
        io.out(
          r.operations.map((o) => `${o.id}\t${o.at}\t${o.actor}\t${o.state === 'undone' ? '(undone) ' : ''}${o.summary}`).join('\n') ||
            'No history yet.',
        );
      return 0;
    }
    const r = await s.call(what === 'undo' ? 'history.undo' : 'history.redo', {}, { actor: actor() });
    io.out(`${what === 'undo' ? 'Undid' : 'Redid'}: ${r.summary}`);
    return 0;
  });
}

export function table(header: string[], rows: string[][]): string {
  const w = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(w[i]))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
