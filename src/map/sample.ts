// The reference study's thematic map (its Fig. 1) as map input: used by tests and fixtures.
import type { MapInput, MapNode } from './types.ts';

const CORE = 'core-bridge';

const GROUPS: { id: string; label: string; themes: [string, string][] }[] = [
  {
    id: 'group-functions',
    label: 'Functions of the bridge',
    themes: [
      ['theme-system-barriers', 'Overcoming system barriers'],
      ['theme-advocacy', 'Advocacy'],
      ['theme-transitions', 'Navigating transitions within the healthcare system'],
      ['theme-restoring-trust', 'Restoring trust between providers and patients'],
    ],
  },
  {
    id: 'group-building',
    label: 'Building a strong bridge',
    themes: [
      ['theme-training', 'Training and mentorship'],
      ['theme-boundaries', 'Establishing boundaries'],
    ],
  },
  {
    id: 'group-characteristics',
    label: 'Characteristics of an effective peer worker',
    themes: [
      ['theme-intrinsic', 'Intrinsic qualities'],
      ['theme-shared-experience', 'Contributions of shared experience'],
      ['theme-stability', 'Personal stability'],
    ],
  },
];

export function sampleMap(): MapInput {
  const nodes: MapNode[] = [{ id: CORE, kind: 'core', label: 'Peer support workers as a bridge', parentId: null }];
  for (const g of GROUPS) {
    nodes.push({ id: g.id, kind: 'group', label: g.label, parentId: CORE });
    for (const [id, label] of g.themes) nodes.push({ id, kind: 'theme', label, parentId: g.id });
  }
  return { nodes, links: [] };
}
