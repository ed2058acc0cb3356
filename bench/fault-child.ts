// One fault-injection victim (see fault-kit.ts): opens the project with automatic backups due at once,
// then does one kind of work forever, printing "ack <what>" after each call returns. It is killed with -9.
import { Service } from '../src/api/service.ts';
import { writeBackup } from '../src/features/backups/backup.ts';
import { backupSettings } from '../src/lib/backup-paths.ts';
import { asTxt, interview } from './corpus.ts';
import { dbOf } from '../tests/helpers/db.ts';

const [file, kind, seedArg] = process.argv.slice(2);
const seed = Number(seedArg);
const s = Service.open(file, { autoBackup: { ...backupSettings({}), intervalMs: 0 } });
setInterval(() => {
  if (process.ppid === 1) process.exit(0);
}, 1000).unref(); // orphaned: the bench is gone
const ack = (what: string | number) => process.stdout.write(`ack ${what}\n`);
process.stdout.write('ready\n');
const docs = await s.call('documents.list', {});
const codes = await s.call('codes.list', {});
for (let k = 0; ; k++) {
  if (kind === 'import') {
    const name = `fault-${seed}-${k}`;
    await s.call('documents.import', {
      files: [{ name: `${name}.txt`, contentBase64: Buffer.from(asTxt(interview(seed * 1000 + k, 1500))).toString('base64') }],
    });
    ack(name);
  } else if (kind === 'coding') {
    const d = docs[k % docs.length];
    const start = (seed * 7919 + k * 104729) % Math.max(1, d.charLength - 200);
    const c = await s.call('codings.create', {
      documentId: d.id,
      codeId: codes[k % codes.length].id,
      coder: 'Amira',
      start,
      end: start + 50 + (k % 100),
    });
    ack(c.id);
  } else if (kind === 'decide') {
    const open = await s.call('reconcile.list', { coderA: 'Amira', coderB: 'Ben', status: 'open', context: 0 });
    if (!open.items.length) break;
    const it = open.items[(seed + k) % open.items.length];
    await s.call('reconcile.decide', {
      coderA: 'Amira',
      coderB: 'Ben',
      key: it.key,
      kind: k % 2 ? 'keep-a' : 'keep-b',
      rationale: `trial ${seed}`,
    });
    ack(it.key);
  } else if (kind === 'backup') {
    await s.call('codes.create', { name: `fault code ${seed}-${k}` });
    const r = await writeBackup(dbOf(s), s.path);
    ack(r.backup.name);
  }
}
process.stdout.write('done\n');
setInterval(() => {}, 60_000); // wait for the kill
