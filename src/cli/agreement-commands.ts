import fs from 'node:fs';
import path from 'node:path';
import type { CoefficientSummary } from '../core/agreement/summary.ts';
import { ThematicError } from '../core/errors.ts';
import { flag, flags, UsageError, type Parsed } from './args.ts';
import type { Io } from './io.ts';
import { actor, readInputFile, table, withProject, writeOutputFile } from './project-commands.ts';
import { cmdReliability, coefficientTable, intFlag, tableNotes } from './reliability-command.ts';

const fmt = (x: number | null) => (x === null ? '—' : x.toFixed(3));

const UNITS = ['character', 'turn', 'sentence', 'document', 'segment'] as const;
type Unit = (typeof UNITS)[number];

/** `thematic agreement FILE --coders A,B`: agreement between coders on a project. */
async function cmdAgreement(p: Parsed, io: Io): Promise<number> {
  const usage =
    'usage: thematic agreement FILE --coders A,B [--unit character|turn|sentence|document|segment] [--code NAME]... [--exclude-uncoded] [--threshold 0.9] [--bootstrap N] [--seed N] [--report OUT.html] [--json]';
  const file = p.positionals[0];
  const coders = (flag(p, 'coders') ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  if (!file || coders.length < 2) throw new UsageError(usage);
  const unit = (flag(p, 'unit') ?? 'character') as Unit;
  if (!UNITS.includes(unit)) throw new UsageError(`--unit must be one of ${UNITS.join(', ')}`);
  const t = flag(p, 'threshold');
  const threshold = t === undefined ? undefined : Number(t);
  if (threshold !== undefined && !(threshold > 0 && threshold <= 1))
    throw new UsageError('--threshold must be a number above 0 and at most 1');
  const bootstrap = intFlag(p, 'bootstrap', 500, 10_000);
  const seed = intFlag(p, 'seed', 1, 2 ** 32 - 1);
  return withProject(file, async (s) => {
    const codes = await s.call('codes.list', {});
    const codeIds = flags(p, 'code').map((name) => {
      const c = codes.find((x) => x.name === name) ?? codes.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!c) throw new ThematicError('not_found', `no code named "${name}"`);
      return c.id;
    });
    const request = {
      coders,
      unit,
      codeIds: codeIds.length ? codeIds : undefined,
      excludeUncoded: p.bools.has('exclude-uncoded'),
      threshold,
      bootstrap,
      seed,
    };
    const r = await s.call('agreement.compute', request);
    const report = flag(p, 'report');
    if (report) {
      // OUT.html gets the page with the methods paragraph; OUT.csv (same name) every coefficient.
      // The same method the app uses (seeded, so its figures are the ones printed below).
      const base = report.replace(/\.(html?|csv)$/i, '');
      const written = await s.call('agreement.report', request);
      writeOutputFile(`${base}.html`, written.html);
      writeOutputFile(`${base}.csv`, written.csv);
      io.err(`Wrote ${base}.html and ${base}.csv`);
    }
    if (p.bools.has('json')) {
      io.out(JSON.stringify(r, null, 2));
      return 0;
    }
    io.out(`${coders.join(' vs ')}, unit ${unit}${r.excludeUncoded ? ', text no coder coded excluded' : ''}: ${r.overall.units} units`);
    io.out(coefficientTable(r.overall.coefficients));
    for (const line of tableNotes(r.overall.coefficients)) io.out(line);
    const alpha = `krippendorff_alpha_nominal`;
    const find = (g: { coefficients: CoefficientSummary[] }, n: string) => g.coefficients.find((c) => c.coefficient === n);
    const v = (g: { coefficients: CoefficientSummary[] }, n: string) => fmt(find(g, n)?.value ?? null);
    const ci = (g: { coefficients: CoefficientSummary[] }, n: string) => {
      const c = find(g, n)?.ci;
      return c && c.lower !== null ? `[${fmt(c.lower)}, ${fmt(c.upper)}]` : '—';
    };
    io.out('\nPer code:');
    io.out(
      table(
        ['code', 'units', 'percent', 'kappa', 'kappa 95% CI', 'alpha', 'alpha 95% CI', 'u-alpha', 'alpha_U 2004'],
        r.perCode.map((c, i) => [
          c.code,
          String(c.units),
          v(c, 'percent_agreement'),
          v(c, 'cohen_kappa'),
          ci(c, 'cohen_kappa'),
          v(c, alpha),
          ci(c, alpha),
          fmt(r.unitizing?.perCode[i]?.value ?? null),
          fmt(r.unitizing?.krippendorff2004.perCode[i]?.value ?? null),
        ]),
      ),
    );
    io.out('\nPer participant group:');
    io.out(
      table(
        ['group', 'units', 'percent', 'kappa', 'alpha'],
        r.perGroup.map((g) => [g.group, String(g.units), v(g, 'percent_agreement'), v(g, 'cohen_kappa'), v(g, alpha)]),
      ),
    );
    if (r.unitizing) {
      const u = r.unitizing;
      io.out(
        `\nUnitizing (characters): u-alpha ${fmt(u.uAlpha.value)}, |u-alpha ${fmt(u.binaryUAlpha.value)}, cu-alpha ${fmt(u.cuAlpha.value)}; Krippendorff (2004) alpha_U ${fmt(u.krippendorff2004.overall.value)}`,
      );
      for (const d of u.domains) io.out(`  codes under "${d.domain}": u-alpha ${fmt(d.uAlpha.value)}, cu-alpha ${fmt(d.cuAlpha.value)}`);
      for (const x of [u.uAlpha, u.cuAlpha]) if (x.note) io.err(`note: ${x.coefficient}: ${x.note}`);
      for (const x of u.leftOut) io.err(`note: left out: ${x}`);
    }
    return 0;
  });
}

/** `thematic reconcile FILE --coders A,B`: the disagreement review's progress, agreed passages, the decision log. */
async function cmdReconcile(p: Parsed, io: Io, accept = false): Promise<number> {
  const file = p.positionals[0];
  const [coderA, coderB, ...rest] = (flag(p, 'coders') ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  if (!file || !coderB || rest.length)
    throw new UsageError(
      `usage: thematic ${accept ? 'accept-agreed' : 'reconcile'} FILE --coders A,B [--consensus NAME] [--log OUT.csv] [--json]`,
    );
  const consensus = flag(p, 'consensus') ?? 'Consensus';
  return withProject(file, async (s) => {
    const pair = { coderA, coderB, consensus };
    const accepted = accept ? await s.call('reconcile.acceptAgreed', { ...pair }, { actor: actor() }) : null;
    const r = await s.call('reconcile.list', { ...pair, status: 'open' });
    const out = flag(p, 'log');
    if (out) writeOutputFile(out, (await s.call('reconcile.log', { ...pair })).csv);
    if (p.bools.has('json')) {
      io.out(JSON.stringify({ progress: r.progress, agreed: r.agreed, accepted, open: r.items }, null, 2));
      return 0;
    }
    if (accepted) io.out(`Accepted ${accepted.accepted} agreed passages (${accepted.codings} codings) into ${consensus}`);
    io.out(
      `${r.progress.resolved} of ${r.progress.total} disagreements resolved; ${r.agreed.accepted} of ${r.agreed.passages} agreed passages in ${consensus}`,
    );
    if (r.items.length) {
      io.out(
        table(
          ['document', 'code', 'kind', 'span', 'text'],
          r.items.map((i) => [
            i.document,
            i.otherCode ? `${i.code} / ${i.otherCode}` : i.code,
            i.kind,
            `${i.start}-${i.end}`,
            i.text.replace(/\s+/g, ' ').slice(0, 60),
          ]),
        ),
      );
    }
    if (out) io.out(`Wrote the decision log to ${out}`);
    return 0;
  });
}

/** `thematic coder-copy FILE --coder NAME --out COPY.thematic`: a blind copy for a second coder. */
async function cmdCoderCopy(p: Parsed, io: Io): Promise<number> {
  const file = p.positionals[0];
  const coder = flag(p, 'coder')?.trim();
  const out = flag(p, 'out');
  if (!file || !coder || !out) throw new UsageError('usage: thematic coder-copy FILE --coder NAME --out COPY.thematic');
  return withProject(file, async (s) => {
    const { path: _, ...r } = await s.call('reconcile.coderCopy', { coder, outPath: out }, { actor: actor(), trusted: true });
    if (p.bools.has('json')) io.out(JSON.stringify({ out, ...r }, null, 2));
    else
      io.out(
        `Wrote ${out} for ${coder}: documents and codebook, ${r.codings} of ${coder}'s own codings, ${r.removedCodings} codings of other coders left out`,
      );
    return 0;
  });
}

/** `thematic merge FILE COPY.thematic`: brings a coder copy's codings back, listing every conflict. */
async function cmdMerge(p: Parsed, io: Io): Promise<number> {
  const [file, copy] = p.positionals;
  const newCodes = flag(p, 'new-codes') ?? 'skip';
  if (!file || !copy || !['add', 'skip'].includes(newCodes))
    throw new UsageError('usage: thematic merge FILE COPY.thematic [--new-codes skip|add] [--dry-run yes] [--json]');
  const bytes = readInputFile(copy);
  return withProject(file, async (s) => {
    const r = await s.call(
      'reconcile.mergeCopy',
      {
        contentBase64: bytes.toString('base64'),
        fileName: path.basename(copy),
        addNewCodes: newCodes === 'add',
        dryRun: flag(p, 'dry-run') === 'yes',
      },
      { actor: actor() },
    );
    if (p.bools.has('json')) {
      io.out(JSON.stringify(r, null, 2));
      return 0;
    }
    io.out(
      `Merged ${r.merged} codings of ${r.coders.join(', ') || 'no coder'}; ${r.duplicates} already here, ${r.skipped} left out; ${r.memosMerged} memos merged, ${r.memosNotMerged} not (their target is not in this project)`,
    );
    if (r.conflicts.length) {
      io.out('Conflicts to decide:');
      io.out(
        table(
          ['kind', 'name', 'codings', 'what happened'],
          r.conflicts.map((c) => [c.kind, c.name, String(c.codings), c.detail]),
        ),
      );
    }
    return 0;
  });
}

/** CLI commands for agreement: name -> handler (returns the exit code). */
export const agreementCommands: Record<string, (p: Parsed, io: Io) => Promise<number>> = {
  reliability: cmdReliability,
  agreement: cmdAgreement,
  'coder-copy': cmdCoderCopy,
  merge: cmdMerge,
  reconcile: (p, io) => cmdReconcile(p, io),
  /** Copies the passages both coders coded identically into the consensus coder. */
  'accept-agreed': (p, io) => cmdReconcile(p, io, true),
};
