import { describe, expect, it } from 'vitest';
import { tmpProject } from '../helpers/project.ts';

describe('codes and themes together', () => {
  it('merging codes keeps the themes the merged code supported; undo restores both', async () => {
    const { service } = tmpProject();
    const a = await service.call('codes.create', { name: 'Advocacy at bedside' });
    const b = await service.call('codes.create', { name: 'Speaking up' });
    const core = await service.call('themes.create', { kind: 'core', name: 'Bridge' });
    const t1 = await service.call('themes.create', { kind: 'theme', parentId: core.id, name: 'Advocacy', codeIds: [a.id] });
    const attached = async () => (await service.call('themes.list', {})).themes.find((t) => t.id === t1.id)!;
    await service.call('codes.merge', { sourceId: a.id, targetId: b.id });
    expect(JSON.stringify(await attached())).toContain('"Speaking up"');
    await service.call('history.undo', {});
    expect(JSON.stringify(await attached())).toContain('"Advocacy at bedside"');
  });

  it('a memo on a theme needs the theme to exist', async () => {
    const { service } = tmpProject();
    await expect(service.call('memos.create', { targetType: 'theme', targetId: 99, title: 't', body: '' })).rejects.toThrow(
      /theme 99 does not exist/,
    );
    const core = await service.call('themes.create', { kind: 'core', name: 'Bridge' });
    expect((await service.call('memos.create', { targetType: 'theme', targetId: core.id, title: 't', body: '' })).targetId).toBe(core.id);
  });
});
