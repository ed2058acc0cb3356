// Box sizes per node kind: labels are wrapped to a kind-specific width and the box grows to fit,
// so no label is ever truncated.
import type { MapNode, MapNodeKind } from './types.ts';
import { textWidth, wrapText } from './text.ts';

export const DEFAULT_FONT_SIZE = 8;

interface KindStyle {
  scale: number;
  weight: 400 | 600;
  wrapEm: number;
}
const STYLE: Record<MapNodeKind, KindStyle> = {
  core: { scale: 1.35, weight: 600, wrapEm: 10 },
  group: { scale: 1.1, weight: 600, wrapEm: 10 },
  theme: { scale: 1, weight: 400, wrapEm: 10 },
  subtheme: { scale: 0.9, weight: 400, wrapEm: 10 },
  code: { scale: 0.8, weight: 400, wrapEm: 16 },
};

export interface Measured {
  lines: string[];
  fontSize: number;
  fontWeight: 400 | 600;
  lineHeight: number;
  w: number;
  h: number;
}

export function measureNode(node: MapNode, baseSize: number): Measured {
  const style = STYLE[node.kind];
  const fontSize = round2(baseSize * style.scale);
  const lines = wrapText(node.label, style.wrapEm * fontSize, fontSize, style.weight);
  const lineHeight = round2(fontSize * 1.2);
  const textW = Math.max(...lines.map((l) => textWidth(l, fontSize, style.weight)));
  const padX = fontSize * (node.kind === 'code' ? 0.45 : 0.7);
  const padY = fontSize * (node.kind === 'code' ? 0.3 : 0.5);
  return {
    lines,
    fontSize,
    fontWeight: style.weight,
    lineHeight,
    w: Math.ceil(textW + 2 * padX),
    h: Math.ceil(lines.length * lineHeight + 2 * padY),
  };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
