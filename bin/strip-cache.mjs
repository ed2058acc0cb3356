// A per-user cache of the TypeScript modules with their types stripped. Node strips types on
// every start with a WebAssembly parser: about 50 ms to start it and 0.7 ms per KB after that,
// which is most of the run time of a light command like `thematic reliability`. The stripped
// JavaScript is kept under ~/.cache/thematic/ts (created private to the user), named by the hash
// of the Node version and the source, so an edited file is stripped again and a stale copy is never
// used. Any failure falls back to Node's own loading.
import crypto from 'node:crypto';
import fs from 'node:fs';
import module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function useStripCache() {
  if (typeof module.registerHooks !== 'function' || typeof module.stripTypeScriptTypes !== 'function') return;
  const dir = path.join(os.homedir(), '.cache', 'thematic', 'ts');
  module.registerHooks({
    load(url, context, nextLoad) {
      if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
      try {
        const source = fs.readFileSync(fileURLToPath(url), 'utf8');
        const key = crypto.createHash('sha256').update(process.version).update('\0').update(source).digest('hex');
        const file = path.join(dir, `${key}.js`);
        let js;
        try {
          js = fs.readFileSync(file, 'utf8');
        } catch {
          js = strip(source);
          fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
          const tmp = `${file}.${process.pid}.tmp`;
          fs.writeFileSync(tmp, js, { mode: 0o600 });
          fs.renameSync(tmp, file);
        }
        return { format: 'module', source: js, shortCircuit: true };
      } catch {
        return nextLoad(url, context);
      }
    },
  });
}

/** Node's own type stripping, without its one-off "experimental" warning on the researcher's screen. */
function strip(source) {
  const emit = process.emitWarning;
  process.emitWarning = (warning, ...rest) => {
    if (!String(warning).includes('stripTypeScriptTypes')) emit.call(process, warning, ...rest);
  };
  try {
    return module.stripTypeScriptTypes(source, { mode: 'strip' });
  } finally {
    process.emitWarning = emit;
  }
}
