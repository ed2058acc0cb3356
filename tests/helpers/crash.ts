import path from 'node:path';
import { spawnSync } from 'node:child_process';

const SERVICE = path.resolve(import.meta.dirname, '../../src/api/service.ts');

/**
 * In a child process: opens the project, adds a code and `n` acknowledged codings on document 1,
 * waits `pauseMs`, then dies by kill -9 (no close, no checkpoint), as a crash or power cut would.
 */
export function crashAfterCodings(file: string, n: number, pauseMs = 0): void {
  const script = `
    const { Service } = await import(${JSON.stringify(SERVICE)});
    const s = Service.open(${JSON.stringify(file)});
    const c = await s.call('codes.create', { name: 'crash code' });
    for (let k = 0; k < ${n}; k++) await s.call('codings.create', { documentId: 1, codeId: c.id, coder: 'A', start: k % 20, end: 21 + (k % 5) });
    setTimeout(() => process.kill(process.pid, 'SIGKILL'), ${pauseMs});`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: { ...process.env, THEMATIC_BACKUPS: 'off' },
  });
  if (r.signal !== 'SIGKILL') throw new Error(`the crashing child did not die by kill -9: ${r.status} ${r.stderr}`);
}
