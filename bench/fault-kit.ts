// Fault injection (issue 13): kill -9 at random moments during imports, coding bursts, reconciliation
// decisions and backups; after each, the project must open, pass integrity_check, hold every
// acknowledged operation, and its newest backup must open and pass quick_check.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { Service } from '../src/api/service.ts';
import { backupFiles } from '../src/features/backups/backup.ts';
import { backupSettings } from '../src/lib/backup-paths.ts';
import { buildSample } from '../src/api/sample.ts';
import { rng } from './kit.ts';
import { dbOf } from '../tests/helpers/db.ts';

export const KINDS = ['import', 'coding', 'decide', 'backup'] as const;
export type Kind = (typeof KINDS)[number];
export interface Trial {
  kind: Kind;
  killAfterMs: number;
  acked: number;
  ok: boolean;
  problems: string[];
  backups: number;
}

const CHILD = path.resolve(import.meta.dirname, 'fault-child.ts');

/** Runs one victim until `killAfterMs` after it is ready, then kill -9; returns what it acknowledged. */
function victim(file: string, kind: Kind, seed: number, killAfterMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, file, kind, String(seed)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, THEMATIC_BACKUPS: 'on' },
    });
    const acks: string[] = [];
    let buf = '',
      err = '';
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.stdout.on('data', (d) => {
      buf += d;
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (line === 'ready') setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        else if (line.startsWith('ack ')) acks.push(line.slice(4));
      }
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(acks);
      else reject(new Error(`the victim exited by itself (${code}): ${err.slice(0, 500)}`));
    });
  });
}

function check(file: string, kind: Kind, acks: string[]): { problems: string[]; backups: number } {
  const problems: string[] = [];
  let s: Service;
  try {
    s = Service.open(file);
  } catch (e) {
    return { problems: [`does not open: ${(e as Error).message}`], backups: 0 };
  }
  try {
    const integrity = dbOf(s).pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${integrity}`);
    const has = (sql: string, v: string | number) => !!dbOf(s).prepare(sql).get(v);
    // Backups are pruned to the newest keepLast (older ones of the same day go): only those must be there.
    const expected = kind === 'backup' ? acks.slice(-backupSettings().keepLast) : acks;
    for (const a of expected) {
      const there =
        kind === 'import'
          ? has('SELECT 1 FROM documents WHERE name = ?', a)
          : kind === 'coding'
            ? has('SELECT 1 FROM codings WHERE id = ?', Number(a))
            : kind === 'decide'
              ? has('SELECT 1 FROM consensus_decisions WHERE disagreement_key = ?', a)
              : fs.existsSync(path.join(path.dirname(file), 'backups', a));
      if (!there) problems.push(`acknowledged ${kind} ${a} is missing`);
    }
  } finally {
    s.close();
  }
  const list = backupFiles(file);
  if (list.length) {
    try {
      const b = new Database(list[0].file, { readonly: true, fileMustExist: true });
      const q = b.pragma('quick_check', { simple: true });
      b.close();
      if (q !== 'ok') problems.push(`newest backup ${list[0].name}: ${q}`);
    } catch (e) {
      problems.push(`newest backup ${list[0].name} does not open: ${(e as Error).message}`);
    }
  }
  return { problems, backups: list.length };
}

/** `n` trials, kinds in turn, kill times from the seeded generator (0 to maxKillMs after the victim is ready). */
export async function runTrials(n: number, seed = 1, maxKillMs = 1500, log?: (t: Trial) => void): Promise<Trial[]> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'thematic-faults-'));
  const base = path.join(root, 'base.thematic');
  await buildSample(base, { force: true });
  const rnd = rng(seed);
  const trials: Trial[] = [];
  try {
    for (let t = 0; t < n; t++) {
      const kind = KINDS[t % KINDS.length];
      const dir = path.join(root, `t${t}`);
      fs.mkdirSync(dir);
      const file = path.join(dir, 'study.thematic');
      fs.copyFileSync(base, file);
      const killAfterMs = Math.round(rnd() * maxKillMs);
      const acks = await victim(file, kind, seed * 1000 + t, killAfterMs);
      const { problems, backups } = check(file, kind, acks);
      const trial = { kind, killAfterMs, acked: acks.length, ok: problems.length === 0, problems, backups };
      trials.push(trial);
      log?.(trial);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  return trials;
}
