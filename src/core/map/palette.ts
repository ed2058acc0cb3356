// Colours for the map. Default is Okabe-Ito (distinguishable with the common colour-vision
// deficiencies); text is always near-black on light tints so contrast never depends on the hue.
import type { MapNode, MapNodeKind, MapPalette } from './types.ts';

// Order: the first five are the most distinct from each other (sky blue is close to blue).
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#F0E442'];
const GREYS = ['#4d4d4d', '#7a7a7a', '#a6a6a6', '#333333', '#8c8c8c'];

export interface NodeColors {
  fill: string;
  stroke: string;
  textColor: string;
}

const TEXT = '#1a1a1a';

export function tint(hex: string, amount: number): string {
  const [r, g, b] = parseHex(hex);
  const mix = (c: number) => Math.round(c + (255 - c) * (1 - amount));
  return '#' + [mix(r), mix(g), mix(b)].map((c) => c.toString(16).padStart(2, '0')).join('');
}

function parseHex(hex: string): [number, number, number] {
  let h = hex.replace('#', '');
  if (h.length === 3)
    h = h
      .split('')
      .map((c) => c + c)
      .join('');
  if (!/^[0-9a-fA-F]{6}$/.test(h)) return [128, 128, 128];
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}

/** Strength of the tint per kind: groups stand out more than themes, codes are plain. */
const TINT: Record<MapNodeKind, number> = { core: 0, group: 0.45, theme: 0.2, subtheme: 0.1, code: 0 };

/**
 * @param branchIndex index of the node's top-level branch (theme group) among its siblings
 * @param ownColor the node's own colour or the nearest ancestor's (custom palette)
 */
export function nodeColors(node: MapNode, palette: MapPalette, branchIndex: number, ownColor: string | null): NodeColors {
  if (node.kind === 'core') return { fill: '#ffffff', stroke: '#1a1a1a', textColor: TEXT };
  if (node.kind === 'code') return { fill: '#ffffff', stroke: palette === 'greyscale' ? '#8c8c8c' : '#9a9a9a', textColor: TEXT };
  let base: string;
  if (palette === 'greyscale') base = GREYS[branchIndex % GREYS.length];
  else if (palette === 'custom' && ownColor && /^#?[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/.test(ownColor))
    base = ownColor.startsWith('#') ? ownColor : `#${ownColor}`;
  else base = OKABE_ITO[branchIndex % OKABE_ITO.length];
  return { fill: tint(base, TINT[node.kind]), stroke: base, textColor: TEXT };
}
