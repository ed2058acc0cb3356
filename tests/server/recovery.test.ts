// Issue 13 in the web mode: stopping waits for the closing backups of projects switched away from,
// and a damaged project's two ways out (app.openLatestBackup, app.salvage) each make a new file
// beside it, named by the server, and serve it; the damaged file is not changed.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/server/server.ts';
import { Service } from '../../src/api/service.ts';
import { backupSettings } from '../../src/lib/backup-paths.ts';
import { tmpDir } from '../helpers/project.ts';
import { tearLeafPage } from '../helpers/damage.ts';

let before: string | undefined;
beforeAll(() => {
  before = process.env.THEMATIC_BACKUPS;
  process.env.THEMATIC_BACKUPS = 'on';
});
afterAll(() => {
  process.env.THEMATIC_BACKUPS = before;
});

const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');
const TOKEN = 'recovery-token-123456';

async function serve(service: Service) {
  const s = await startServer({ service, token: TOKEN });
  const call = (method: string, body: unknown) =>
    fetch(`${s.origin}/api/${method}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then(async (r) => ({ status: r.status, body: await r.json() }));
  return { s, call };
}

/** A project with three interviews and one backup, then half of a table's page overwritten with garbage. */
async function damagedProject(): Promise<{ file: string; backupName: string }> {
  const file = path.join(tmpDir(), 'study.thematic');
  const s = Service.open(file, { create: true });
  for (let k = 1; k <= 3; k++) {
    const text = Array.from({ length: 200 }, (_, i) => `P${k}: line ${i} about the hospital and the peer worker.`).join('\n\n');
    await s.call('documents.import', { files: [{ name: `P${k}.txt`, contentBase64: Buffer.from(text).toString('base64') }] });
  }
  await s.call('codes.create', { name: 'Trust' });
  const backupName = (await s.backupNow(backupSettings())).backup.name;
  s.close();
  tearLeafPage(file, 'turns');
  return { file, backupName };
}

describe('web mode: stopping', () => {
  it('server.close() waits until a project switched away from is backed up and closed', async () => {
    const dir = tmpDir();
    const first = path.join(dir, 'first.thematic');
    const a = Service.open(first, { create: true, autoBackup: backupSettings() });
    await a.call('codes.create', { name: 'changed this session' });
    const { s, call } = await serve(a);
    expect((await call('app.openProject', { path: path.join(dir, 'second.thematic'), create: true })).status).toBe(200);
    await s.close();
    // Without the wait the closing backup (a worker-checked copy) is still being written here.
    const backups = fs.readdirSync(path.join(dir, 'backups')).filter((n) => n.startsWith('first-'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/\.thematic$/);
    expect(fs.existsSync(first + '-lock')).toBe(false); // closed
  });
});

describe('web mode: a damaged project', () => {
  it('is refused with code "damaged"; salvage makes <name>-salvaged.thematic beside it, serves it and reports', async () => {
    const { file } = await damagedProject();
    const sum = sha(file);
    const holder = Service.open(path.join(tmpDir(), 'holder.thematic'), { create: true });
    const { s, call } = await serve(holder);
    const refused = await call('app.openProject', { path: file });
    expect(refused.body.error.code).toBe('damaged');
    expect(refused.body.error.message).toMatch(/study\.thematic is damaged/);
    // The page names the damaged file only: a path that is not a project file is refused.
    expect((await call('app.salvage', { path: path.join(path.dirname(file), 'notes.txt') })).body.error.code).toBe('invalid_input');
    expect((await call('app.salvage', { path: file, out: '/tmp/elsewhere.thematic' })).body.error.code).toBe('invalid_input');
    const r = await call('app.salvage', { path: file });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const out = path.join(path.dirname(file), 'study-salvaged.thematic');
    expect(r.body.result.path).toBe(out);
    expect(r.body.result.report.tables).toEqual(expect.arrayContaining([expect.objectContaining({ table: 'documents', rows: 3 })]));
    expect(r.body.result.report.lines.at(-1)).toMatch(/The damaged file was not changed/);
    expect((await call('documents.list', {})).body.result).toHaveLength(3);
    expect(sha(file)).toBe(sum);
    // A second salvage does not overwrite the first.
    const again = await call('app.salvage', { path: file });
    expect(again.body.result.path).toBe(path.join(path.dirname(file), 'study-salvaged-2.thematic'));
    await s.close();
    expect(sha(file)).toBe(sum);
  });

  it('"open the latest good backup" restores it as a new project beside the damaged one and serves it', async () => {
    const { file, backupName } = await damagedProject();
    const sum = sha(file);
    const holder = Service.open(path.join(tmpDir(), 'holder.thematic'), { create: true });
    const { s, call } = await serve(holder);
    const r = await call('app.openLatestBackup', { path: file });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.result.backup).toMatchObject({ name: backupName, counts: { documents: 3, codes: 1 } });
    expect(path.dirname(r.body.result.path)).toBe(path.dirname(file));
    expect(path.basename(r.body.result.path)).toMatch(/^study-restored-\d{4}-.*\.thematic$/);
    expect((await call('codes.list', {})).body.result.map((c: { name: string }) => c.name)).toEqual(['Trust']);
    expect(sha(file)).toBe(sum);
    await s.close();
  });

  it('a Service alone refuses both (the host answers them)', async () => {
    const svc = Service.open(path.join(tmpDir(), 'alone.thematic'), { create: true });
    try {
      await expect(svc.call('app.salvage', { path: '/tmp/x.thematic' })).rejects.toMatchObject({ code: 'not_supported' });
      await expect(svc.call('app.openLatestBackup', { path: '/tmp/x.thematic' })).rejects.toMatchObject({ code: 'not_supported' });
    } finally {
      svc.close();
    }
  });
});
