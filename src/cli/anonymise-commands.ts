import fs from 'node:fs';
import { flag, UsageError, type Parsed } from './args.ts';
import type { Io } from './io.ts';
import { actor, withProject } from './project-commands.ts';
import type { Replacement } from '../core/anonymise/types.ts';
import { ThematicError } from '../core/errors.ts';
import type { Output } from '../api/contract.ts';
import { parseKey } from '../core/anonymise/key-csv.ts';

const USAGE =
  'usage: thematic anonymise FILE --key KEY.csv [--out COPY.thematic] [--force] | thematic anonymise FILE --key KEY.csv --preview [--json]';
const VALUE_FLAGS = ['key', 'out'];

/**
 * `--preview` takes no value, but a parser that does not know it takes the next word as its
 * value: give that word back to where it belongs (a flag, or the project file).
 */
function normalise(p: Parsed): { file?: string; key?: string; out?: string; preview: boolean; force: boolean; json: boolean } {
  const positionals = [...p.positionals];
  const bools = new Set(p.bools);
  const values = new Map<string, string | undefined>(VALUE_FLAGS.map((f) => [f, flag(p, f)]));
  const swallowed = p.flags.get('preview') ?? [];
  const orphans = positionals.splice(1);
  for (const v of swallowed) {
    if (!v.startsWith('--')) {
      if (positionals.length) orphans.unshift(v);
      else positionals.push(v);
      continue;
    }
    const [name, inline] = v.slice(2).split(/=(.*)/s, 2);
    if (VALUE_FLAGS.includes(name)) values.set(name, inline ?? orphans.shift());
    else bools.add(name);
  }
  if (orphans.length) throw new UsageError(`unexpected ${orphans.map((o) => `"${o}"`).join(' ')}\n${USAGE}`);
  return {
    file: positionals[0],
    key: values.get('key'),
    out: values.get('out'),
    preview: bools.has('preview') || p.flags.has('preview'),
    force: bools.has('force'),
    json: bools.has('json'),
  };
}

function readKey(file: string): Replacement[] {
  let csv: string;
  try {
    csv = fs.readFileSync(file, 'utf8');
  } catch {
    throw new ThematicError('not_found', `${file}: no such key file`);
  }
  return parseKey(csv, file);
}

// Context comes cut at 40 characters: mark what was cut (one short of 40 when it would split an emoji: unmarked).
const cut = (s: string) => (s.length >= 40 ? '…' : '');
const quote = (o: { before: string; match: string; after: string }) =>
  `${cut(o.before)}${o.before.replace(/\s+/g, ' ')}»${o.match}«${o.after.replace(/\s+/g, ' ')}${cut(o.after)}`;

function printPreview(io: Io, key: Replacement[], r: Output<'anonymise.preview'>): void {
  const byDoc = new Map<string, typeof r.occurrences>();
  for (const o of r.occurrences) (byDoc.get(o.document) ?? byDoc.set(o.document, []).get(o.document)!).push(o);
  for (const [doc, list] of byDoc) {
    io.out(`${doc} (${list.length})`);
    for (const o of list) io.out(`  ${o.start}: ${quote(o)} -> ${o.replacement}`);
  }
  if (r.fields.length) {
    io.out(`Other fields (${r.fields.reduce((a, f) => a + f.count, 0)})`);
    for (const f of r.fields)
      io.out(`  ${f.table}.${f.column} "${f.row}": ${quote(f)} -> ${f.replacement}${f.count > 1 ? ` (${f.count} rows)` : ''}`);
  }
  io.out('Per replacement:');
  key.forEach((k, i) => io.out(`  ${k.find} -> ${k.replace} (${k.kind}): ${r.perRule[i]}`));
  if (r.truncated) io.out('(the list was cut short; the counts are complete)');
}

/** `thematic anonymise FILE --key KEY.csv --out COPY.thematic`: an anonymised copy of the project. */
export const anonymiseCommands: Record<string, (p: Parsed, io: Io) => Promise<number>> = {
  anonymise: async (p, io) => {
    const a = normalise(p);
    if (!a.file || !a.key) throw new UsageError(USAGE);
    const key = readKey(a.key);
    if (!key.length) throw new ThematicError('invalid_key', `${a.key}: the key has a header but no replacements`);
    return withProject(a.file, async (s) => {
      if (a.preview) {
        const r = await s.call('anonymise.preview', { replacements: key });
        if (a.json) io.out(JSON.stringify(r, null, 2));
        else printPreview(io, key, r);
        return 0;
      }
      // The CLI is a trusted caller: --out may be anywhere (through IPC and HTTP, only beside the project).
      const r = await s.call(
        'anonymise.export',
        { replacements: key, outPath: a.out, overwrite: a.force },
        { actor: actor(), trusted: true },
      );
      if (a.json) {
        io.out(JSON.stringify(r, null, 2));
        return 0;
      }
      const c = r.counts;
      io.out(`Wrote the anonymised copy: ${r.path}`);
      io.out(
        `  ${c.occurrences} replacements in ${c.documents} document${c.documents === 1 ? '' : 's'}, ${c.fieldValues} other values replaced; ${c.codings} codings and ${c.turns} turns kept on their words.`,
      );
      io.out(
        `  Recordings are never carried into an anonymised copy (a voice identifies a person)${c.recordingsLeftOut ? `: ${c.recordingsLeftOut} left out` : ''}.`,
      );
      io.out('  The copy has no undo history and its search index was rebuilt; the key is not in it. The original project is unchanged.');
      return 0;
    });
  },
};
