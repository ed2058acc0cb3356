#!/usr/bin/env node
// Bundles the Electron shell: electron/main.ts -> electron/dist/main.cjs,
// electron/preload.ts -> electron/dist/preload.cjs and the job thread src/jobs/worker.ts ->
// electron/dist/worker.cjs (CommonJS, as Electron loads them).
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const outdir = path.join(root, 'electron/dist');

/**
 * Our sources locate files with import.meta.dirname / import.meta.url, which a CommonJS
 * bundle does not have. Each use becomes the source file's own folder, computed at run time
 * from the bundle's place (electron/dist, in the repository or inside app.asar), so paths
 * such as fixtures/sample resolve the same as when Node runs the .ts files directly.
 */
const importMetaPlugin = {
  name: 'import-meta-paths',
  setup(b) {
    b.onLoad({ filter: /\.(ts|mts|js|mjs)$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const source = await fs.promises.readFile(args.path, 'utf8');
      if (!source.includes('import.meta.')) return undefined;
      const rel = path.relative(root, path.dirname(args.path)).split(path.sep).join('/');
      const dir = `require('node:path').join(__dirname, '../..', ${JSON.stringify(rel)})`;
      const file = `require('node:path').join(__dirname, '../..', ${JSON.stringify(path.relative(root, args.path).split(path.sep).join('/'))})`;
      const contents = source
        .replaceAll('import.meta.dirname', `(${dir})`)
        .replaceAll('import.meta.filename', `(${file})`)
        .replaceAll('import.meta.url', `require('node:url').pathToFileURL(${file}).href`);
      return { contents, loader: args.path.endsWith('ts') ? 'ts' : 'js' };
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: 'linked',
  logLevel: 'warning',
  // electron is provided by the runtime; better-sqlite3 loads its native addon from node_modules.
  // Other packages stay in node_modules too (each has a CommonJS build): pdf.js inside unpdf
  // finds its fonts and cmaps relative to its own files, which bundling would break.
  external: ['electron', 'better-sqlite3'],
  packages: 'external',
};

fs.rmSync(outdir, { recursive: true, force: true });
await Promise.all([
  // The service starts its job threads from the bundled worker beside main.cjs (see src/jobs/runner.ts).
  build({
    ...common,
    entryPoints: [path.join(root, 'electron/main.ts')],
    outfile: path.join(outdir, 'main.cjs'),
    plugins: [importMetaPlugin],
    banner: { js: "globalThis.__thematicJobWorker = require('node:path').join(__dirname, 'worker.cjs');" },
  }),
  build({
    ...common,
    entryPoints: [path.join(root, 'src/jobs/worker.ts')],
    outfile: path.join(outdir, 'worker.cjs'),
    plugins: [importMetaPlugin],
  }),
  // The sandboxed preload may require nothing but 'electron': everything else is inlined.
  build({ ...common, entryPoints: [path.join(root, 'electron/preload.ts')], outfile: path.join(outdir, 'preload.cjs'), sourcemap: false }),
]);
console.log('built electron/dist/main.cjs, electron/dist/preload.cjs and electron/dist/worker.cjs');
