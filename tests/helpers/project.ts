import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Service } from '../../src/api/service.ts';
import { dbOf } from './db.ts';

export const SHARED = path.resolve(import.meta.dirname, '../../../shared');

export function tmpDir(prefix = 'thematic-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function tmpProject(): { file: string; service: Service } {
  const file = path.join(tmpDir(), 'study.thematic');
  return { file, service: Service.open(file, { create: true }) };
}

export const b64 = (s: string | Uint8Array) => Buffer.from(s as string).toString('base64');

export const INTERVIEW = [
  'Interviewer: How did the peer worker help you?',
  '',
  'P4: She talked to the nurses for me. They speak our language, you know.',
  '',
  'Interviewer: Anything else?',
  '',
  "P4: She came back the next day. Someone who's been there understands.",
].join('\n');

export async function importText(service: Service, name: string, text: string, participant?: string) {
  const r = await service.call('documents.import', { files: [{ name, contentBase64: b64(text) }], participant });
  return r.documents[0];
}

/** Every user table's rows, for comparing project states (the operation log is excluded). */
export function snapshot(service: Service): Record<string, unknown[]> {
  const tables = dbOf(service)
    .prepare(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
    AND name NOT LIKE 'turn_fts%' AND name <> 'operations' ORDER BY name`,
    )
    .all() as { name: string }[];
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables) out[name] = dbOf(service).prepare(`SELECT * FROM "${name}" ORDER BY 1, 2`).all();
  out.fts = dbOf(service).prepare(`SELECT rowid FROM turn_fts WHERE turn_fts MATCH 'the OR she OR nurses' ORDER BY rowid`).all();
  return out;
}

/** The sample study built into a fresh temporary file and opened. */
export async function openSample(): Promise<Service> {
  const { buildSample } = await import('../../src/api/sample.ts');
  const file = path.join(tmpDir(), 'sample.thematic');
  await buildSample(file, { force: true });
  return Service.open(file, {});
}
