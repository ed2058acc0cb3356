import { describe, expect, it } from 'vitest';
import { diffMaps } from '../../src/core/map/diff.ts';
import { sampleMap } from '../../fixtures/map/sample.ts';

describe('diffMaps', () => {
  it('reports nothing for identical maps', () => {
    expect(diffMaps(sampleMap(), sampleMap())).toEqual({
      added: [],
      removed: [],
      renamed: [],
      moved: [],
      linksAdded: [],
      linksRemoved: [],
    });
  });

  it('detects added, removed, renamed and moved themes and codes', () => {
    const initial = sampleMap();
    initial.nodes.push({ id: 'code-stigma', kind: 'code', label: 'stigma on the ward', parentId: 'theme-advocacy' });
    const final = sampleMap();
    final.nodes = final.nodes
      .filter((n) => n.id !== 'theme-stability')
      .map((n) => {
        if (n.id === 'theme-advocacy') return { ...n, label: 'Advocacy for patients' };
        if (n.id === 'theme-boundaries') return { ...n, parentId: 'group-characteristics' };
        return n;
      });
    final.nodes.push({ id: 'theme-new', kind: 'theme', label: 'Hospital policies', parentId: 'group-functions' });
    final.nodes.push({ id: 'code-stigma', kind: 'code', label: 'stigma on the ward', parentId: 'theme-new' });
    final.links.push({ id: 'link-1', from: 'theme-new', to: 'theme-advocacy', label: 'shapes' });
    const d = diffMaps(initial, final);
    expect(d.added.map((n) => n.id)).toEqual(['theme-new']);
    expect(d.removed.map((n) => n.id)).toEqual(['theme-stability']);
    expect(d.renamed).toEqual([{ id: 'theme-advocacy', kind: 'theme', from: 'Advocacy', to: 'Advocacy for patients' }]);
    expect(d.moved).toEqual([
      { id: 'theme-boundaries', kind: 'theme', fromParent: 'group-building', toParent: 'group-characteristics' },
      { id: 'code-stigma', kind: 'code', fromParent: 'theme-advocacy', toParent: 'theme-new' },
    ]);
    expect(d.linksAdded).toEqual(['link-1']);
    expect(diffMaps(final, initial).linksRemoved).toEqual(['link-1']);
  });
});
