import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { Service } from '../../src/api/service.ts';
import { startServer } from '../../src/server/server.ts';
import { httpTransport } from '../../renderer/src/api/transport.ts';
import { b64, INTERVIEW, tmpProject } from '../helpers/project.ts';
import { dbOf } from '../helpers/db.ts';

// Issue 15 item 16: a call whose answer was lost (8 of 100 kill trials) was done again when the
// client retried. A client operation id makes the retry return the first result instead.

const count = (s: Service, table: string) => (dbOf(s).prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const changes = (s: Service) => (dbOf(s).prepare(`SELECT count(*) AS n FROM operations WHERE kind = 'change'`).get() as { n: number }).n;

describe('idempotent mutating calls through the Service', () => {
  it('without an id a retry does the work twice (the defect); with one it returns the first result and changes nothing', async () => {
    const { service } = tmpProject();
    const memo = { targetType: 'project' as const, targetId: null, title: 'Reflexive note', body: 'I came in expecting conflict.' };
    await service.call('memos.create', memo);
    await service.call('memos.create', memo); // a plain retry is a second call
    expect(count(service, 'memos')).toBe(2);
    const m = await service.call('memos.create', memo, { operationId: 'op-0000-memo' });
    expect(await service.call('memos.create', memo, { operationId: 'op-0000-memo' })).toEqual(m);
    expect(count(service, 'memos')).toBe(3);
    const first = await service.call('coders.create', { name: 'Ana' }, { operationId: 'op-0001-coder' });
    const again = await service.call('coders.create', { name: 'Ana' }, { operationId: 'op-0001-coder' });
    expect(again).toEqual(first);
    expect(count(service, 'coders')).toBe(1);
    const code = await service.call('codes.create', { name: 'Care' }, { operationId: 'op-0002-code' });
    const ops = changes(service);
    expect(await service.call('codes.create', { name: 'Care' }, { operationId: 'op-0002-code' })).toEqual(code);
    expect(changes(service)).toBe(ops);
    service.close();
  });

  it('keeps the ids in the project: a repeat after closing and reopening (a restart) returns the first result', async () => {
    const { file, service } = tmpProject();
    const doc = (
      await service.call('documents.import', { files: [{ name: 'p4.txt', contentBase64: b64(INTERVIEW) }] }, { operationId: 'import-1234' })
    ).documents[0];
    const code = await service.call('codes.create', { name: 'Advocacy' });
    const coding = await service.call(
      'codings.create',
      { documentId: doc.id, codeId: code.id, coder: 'Ana', start: 0, end: 12 },
      { operationId: 'coding-1234' },
    );
    service.close();
    const reopened = Service.open(file, {});
    expect(
      await reopened.call(
        'codings.create',
        { documentId: doc.id, codeId: code.id, coder: 'Ana', start: 0, end: 12 },
        { operationId: 'coding-1234' },
      ),
    ).toEqual(coding);
    const again = await reopened.call(
      'documents.import',
      { files: [{ name: 'p4.txt', contentBase64: b64(INTERVIEW) }] },
      { operationId: 'import-1234' },
    );
    expect(again.documents[0].id).toBe(doc.id);
    expect(count(reopened, 'codings')).toBe(1);
    expect(count(reopened, 'documents')).toBe(1);
    reopened.close();
  });

  it('two calls with one id at the same time do the work once (async import) and undo is not repeated', async () => {
    const { service } = tmpProject();
    const payload = { files: [{ name: 'p4.txt', contentBase64: b64(INTERVIEW) }] };
    const [a, b] = await Promise.all([
      service.call('documents.import', payload, { operationId: 'same-time-1' }),
      service.call('documents.import', payload, { operationId: 'same-time-1' }),
    ]);
    expect(b).toEqual(a);
    expect(count(service, 'documents')).toBe(1);
    await service.call('codes.create', { name: 'One' });
    await service.call('codes.create', { name: 'Two' });
    const undo = await service.call('history.undo', {}, { operationId: 'undo-00001' });
    expect(await service.call('history.undo', {}, { operationId: 'undo-00001' })).toEqual(undo);
    expect((await service.call('codes.list', {})).map((c) => c.name)).toEqual(['One']);
    service.close();
  });

  it('refuses an id used for another method, and a malformed id, changing nothing', async () => {
    const { service } = tmpProject();
    await service.call('codes.create', { name: 'One' }, { operationId: 'reused-id-1' });
    await expect(service.call('coders.create', { name: 'Ana' }, { operationId: 'reused-id-1' })).rejects.toThrow(
      /operation id "reused-id-1" was already used for codes\.create/,
    );
    await expect(service.call('codes.create', { name: 'Two' }, { operationId: 'bad id!' })).rejects.toThrow(
      /codes\.create: invalid operation id/,
    );
    expect(count(service, 'codes')).toBe(1);
    expect(count(service, 'coders')).toBe(0);
    // a failed call records nothing: its retry does the work
    await expect(service.call('codes.create', { name: 'One' }, { operationId: 'fails-first' })).rejects.toThrow();
    await service.call('codes.delete', { id: (await service.call('codes.list', {}))[0].id });
    expect((await service.call('codes.create', { name: 'One' }, { operationId: 'fails-first' })).name).toBe('One');
    service.close();
  });
});

describe('idempotency through the web server', () => {
  it('honours the Idempotency-Key header, also after the server restarts on the same file', async () => {
    const { file, service } = tmpProject();
    let server = await startServer({ service, token: 'idem-token-123456' });
    const post = (s: typeof server, key?: string) =>
      fetch(`${s.origin}/api/codes.create`, {
        method: 'POST',
        body: JSON.stringify({ name: 'Trust' }),
        headers: {
          authorization: 'Bearer idem-token-123456',
          'content-type': 'application/json',
          ...(key ? { 'idempotency-key': key } : {}),
        },
      }).then(async (r) => ({ status: r.status, body: await r.json() }));
    const first = await post(server, 'web-key-0001');
    expect(first.status).toBe(200);
    expect(await post(server, 'web-key-0001')).toEqual(first);
    expect((await post(server, 'no spaces allowed')).status).toBe(400);
    await server.close();
    service.close();
    const reopened = Service.open(file, {});
    server = await startServer({ service: reopened, token: 'idem-token-123456' });
    expect(await post(server, 'web-key-0001')).toEqual(first);
    expect(count(reopened, 'codes')).toBe(1);
    await server.close();
    reopened.close();
  });

  it('the web client retries a call whose answer was lost with the same key, and the work is done once', async () => {
    const { service } = tmpProject();
    const server = await startServer({ service, token: 'idem-token-654321' });
    // A proxy that, for the first connection, lets the request through but drops the answer.
    let connections = 0;
    const proxy = net.createServer((client) => {
      const first = connections++ === 0;
      const upstream = net.connect(server.port, '127.0.0.1');
      // The server checks Host against its own port: rewrite it as a reverse proxy would.
      client.on('data', (c: Buffer) =>
        upstream.write(c.toString('latin1').replace(/^host: 127\.0\.0\.1:\d+/im, `host: 127.0.0.1:${server.port}`), 'latin1'),
      );
      client.on('end', () => upstream.end());
      if (first)
        upstream.once('data', () => {
          client.destroy();
          upstream.destroy();
        });
      else upstream.pipe(client);
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', () => r()));
    const port = (proxy.address() as net.AddressInfo).port;
    const api = httpTransport('idem-token-654321', `http://127.0.0.1:${port}`);
    try {
      const code = await api.call('codes.create', { name: 'Sent once' });
      expect(code.name).toBe('Sent once');
      expect(connections).toBeGreaterThanOrEqual(2);
      expect(count(service, 'codes')).toBe(1);
    } finally {
      proxy.close();
      await server.close();
      service.close();
    }
  });
});
