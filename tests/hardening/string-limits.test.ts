import { describe, expect, it } from 'vitest';
import { snapshot, tmpProject } from '../helpers/project.ts';
import { startServer } from '../../src/server/server.ts';

// Issue 15 item 10: a 100 MB code definition or attribute value was accepted (and stored twice, row and undo).

describe('string limits in the contract', () => {
  it('refuses a 100 MB code definition and a 200,000-character attribute value with a clear message, changing nothing', async () => {
    const { service } = tmpProject();
    const code = await service.call('codes.create', { name: 'Trust' });
    const before = snapshot(service);
    const huge = 'x'.repeat(100 * 2 ** 20);
    await expect(service.call('codes.create', { name: 'Advocacy', definition: huge })).rejects.toThrow(
      'codes.create: invalid input (definition: 104,857,600 characters; at most 100,000 are accepted)',
    );
    await expect(service.call('codes.update', { id: code.id, whenToUse: huge })).rejects.toThrow(
      /codes\.update: invalid input \(whenToUse: 104,857,600 characters/,
    );
    await expect(service.call('participants.create', { label: 'P1', attributes: { role: 'y'.repeat(200_000) } })).rejects.toThrow(
      'participants.create: invalid input (attributes.role: 200,000 characters; at most 100,000 are accepted)',
    );
    expect(snapshot(service)).toEqual(before);
    // Long texts that have their own limit still go in: a memo body of 300,000 characters.
    const memo = await service.call('memos.create', { targetType: 'project', targetId: null, body: 'z'.repeat(300_000) });
    expect(memo.body.length).toBe(300_000);
    service.close();
  });

  it('the web mode answers 400 with the same message', async () => {
    const { service } = tmpProject();
    const s = await startServer({ service, token: 'limits-token-12345' });
    const r = await fetch(`${s.origin}/api/codes.create`, {
      method: 'POST',
      headers: { authorization: 'Bearer limits-token-12345', 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Advocacy', example: 'e'.repeat(150_000) }),
    });
    expect(r.status).toBe(400);
    expect((await r.json()).error.message).toBe('codes.create: invalid input (example: 150,000 characters; at most 100,000 are accepted)');
    await s.close();
    service.close();
  });
});
