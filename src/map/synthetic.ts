// A large synthetic map (for the no-overlap tests and the benchmark): groups of themes with codes
// whose labels vary in length like real in-vivo and descriptive codes do.
import type { MapInput, MapNode } from './types.ts';

const WORDS = ['trust', 'stigma', 'discharge', 'housing', 'withdrawal', 'nurses', 'lived experience', 'advocacy', 'respect', 'listening',
  'boundaries', 'burnout', 'training', 'mentorship', 'pain management', 'leaving against medical advice', 'family', 'harm reduction',
  'being seen as a person', 'navigation', 'paperwork', 'relapse', 'hope', 'safety'];

/** Deterministic pseudo-random numbers so the map is the same on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function phrase(rand: () => number, min: number, max: number): string {
  const n = min + Math.floor(rand() * (max - min + 1));
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(WORDS[Math.floor(rand() * WORDS.length)]);
  const s = words.join(' ');
  return s[0].toUpperCase() + s.slice(1);
}

export function syntheticMap(themes = 40, codes = 400, groups = 5, seed = 7): MapInput {
  const rand = rng(seed);
  const nodes: MapNode[] = [{ id: 'core', kind: 'core', label: 'Peer support workers as a bridge', parentId: null }];
  for (let g = 0; g < groups; g++) nodes.push({ id: `g${g}`, kind: 'group', label: `Group ${g + 1}: ${phrase(rand, 1, 3)}`, parentId: 'core' });
  for (let t = 0; t < themes; t++) nodes.push({ id: `t${t}`, kind: 'theme', label: `Theme ${t + 1} ${phrase(rand, 1, 4)}`, parentId: `g${t % groups}` });
  for (let c = 0; c < codes; c++) nodes.push({ id: `c${c}`, kind: 'code', label: `${phrase(rand, 1, 3)} (${c + 1})`, parentId: `t${c % themes}` });
  return { nodes, links: [{ id: 'l1', from: 't0', to: 't7', label: 'tension' }] };
}
