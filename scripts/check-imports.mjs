// The import rules (issue 10), run by `npm run lint:deps` and `npm test`: dependency-cruiser with
// .dependency-cruiser.cjs (every forbidden import is an error), then one check it cannot express:
// the layers, and the features among themselves, form no cycle. Each module belongs to one layer (below); a run-time import from one
// layer into another is an arrow, and no chain of arrows may come back to where it started.
// (Type-only imports vanish at run time and are left out: the merged contract names every
// feature's methods, and every handler is typed by it.)
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOTS = ['src', 'electron', 'renderer/src', 'bench', 'tests'];
const bin = path.join(import.meta.dirname, '../node_modules/.bin/depcruise');
const run = spawnSync(bin, [...ROOTS, '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], {
  encoding: 'utf8',
  maxBuffer: 1 << 30,
});
if (!run.stdout) {
  process.stderr.write(run.stderr || 'depcruise produced no output\n');
  process.exit(2);
}
const result = JSON.parse(run.stdout);

let failed = false;
for (const v of result.summary.violations) {
  failed = true;
  const where = v.cycle ? v.cycle.map((c) => (typeof c === 'string' ? c : c.name)).join(' → ') : v.to;
  console.error(`  error ${v.rule.name}: ${v.from} → ${where}`);
}

/** The layer of a module of ours, or null (npm packages, fixtures, tests, benchmarks). */
export function layerOf(file) {
  if (/^src\/(api\/contract[a-z-]*|features\/[a-z-]+\/[a-z-]*contract|jobs\/contract)\.ts$/.test(file)) return 'contracts';
  // The renderer in four layers: the shell (App, the top bar, panels, dialogs), the features' views,
  // the shared state and hooks, and the base (generic components, pure model, the API client).
  if (/^renderer\/src\/(shell\/|App\.tsx$|main\.tsx$)/.test(file)) return 'renderer/shell';
  if (/^renderer\/src\/features\//.test(file)) return 'renderer/features';
  if (/^renderer\/src\/(state|hooks)\//.test(file)) return 'renderer/state';
  if (/^renderer\/src\//.test(file)) return 'renderer/base';
  // Each feature is a layer of its own: features may use each other's queries and logic, in one direction.
  const feature = file.match(/^src\/features\/[a-z-]+(?=\/)/);
  if (feature) return feature[0];
  const m = file.match(/^(electron|src\/(core|lib|store|jobs|api|cli|server))\//);
  return m ? (m[2] ? `src/${m[2]}` : m[1]) : null;
}

const arrows = new Map();
for (const mod of result.modules) {
  const a = layerOf(mod.source);
  if (!a) continue;
  for (const d of mod.dependencies) {
    if (d.dependencyTypes.includes('type-only')) continue;
    const b = layerOf(d.resolved);
    if (!b || a === b) continue;
    if (!arrows.has(a)) arrows.set(a, new Map());
    if (!arrows.get(a).has(b)) arrows.get(a).set(b, `${mod.source} → ${d.resolved}`);
  }
}
// Tarjan's strongly connected components: any with two or more layers is a cycle.
let next = 0;
const index = new Map(),
  low = new Map(),
  stack = [],
  onStack = new Set();
const visit = (v) => {
  index.set(v, next);
  low.set(v, next);
  next++;
  stack.push(v);
  onStack.add(v);
  for (const w of arrows.get(v)?.keys() ?? []) {
    if (!index.has(w)) {
      visit(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
  }
  if (low.get(v) !== index.get(v)) return;
  const scc = [];
  let w;
  do {
    w = stack.pop();
    onStack.delete(w);
    scc.push(w);
  } while (w !== v);
  if (scc.length < 2) return;
  failed = true;
  console.error(`  error no-layer-cycles: ${scc.join(', ')} import each other:`);
  for (const a of scc)
    for (const [b, example] of arrows.get(a) ?? []) if (scc.includes(b)) console.error(`      ${a} → ${b} (e.g. ${example})`);
};
for (const v of arrows.keys()) if (!index.has(v)) visit(v);

const n = result.summary.totalCruised;
if (failed) {
  console.error(
    `\n✘ forbidden imports found (${n} modules cruised); the rules are in .dependency-cruiser.cjs and scripts/check-imports.mjs`,
  );
  process.exit(1);
}
console.log(`✔ no forbidden imports and no layer cycles (${n} modules, ${result.summary.totalDependenciesCruised} dependencies cruised)`);
