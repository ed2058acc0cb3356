// `npm run bench`: every benchmark in bench/, one after another (they must not compete for the
// two cores), each printing its JSON; this prints them together as one JSON array.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const dir = import.meta.dirname;
const only = process.argv.slice(2);
const benches = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('-bench.ts') && (!only.length || only.some((o) => f.startsWith(o))))
  .sort();
const results = [];
for (const f of benches) {
  process.stderr.write(`bench: ${f}…\n`);
  const r = spawnSync(process.execPath, [path.join(dir, f)], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  if (r.status !== 0) {
    process.stderr.write(r.stderr);
    results.push({ bench: f, error: `exit ${r.status}` });
    continue;
  }
  try {
    results.push(JSON.parse(r.stdout));
  } catch {
    results.push({ bench: f, output: r.stdout.trim() });
  }
}
console.log(JSON.stringify(results, null, 2));
process.exitCode = results.some((x) => x.error) ? 1 : 0;
