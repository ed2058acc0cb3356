// The map as a REFI-QDA Graph (Project schema <Graph>: <Vertex> and <Edge>), as plain objects the
// interop module serialises. REFI needs GUIDs: node ids that are not GUIDs get a stable GUID
// derived from the id, so re-exporting the same map gives the same GUIDs.
import type { MapInput, MapLayout } from './types.ts';

export interface RefiVertex {
  guid: string;
  /** The map node id (and, for themes/codes, the GUID of the represented code when it is one). */
  nodeId: string;
  representedGUID?: string;
  name: string;
  shape: 'RoundedRectangle' | 'Rectangle';
  color: string;
  firstX: number;
  firstY: number;
  secondX: number;
  secondY: number;
}
export interface RefiEdge {
  guid: string;
  sourceVertex: string;
  targetVertex: string;
  name?: string;
  direction: 'OneWay' | 'Associative';
  lineStyle: 'solid' | 'dotted';
  color: string;
}
export interface RefiGraph {
  vertices: RefiVertex[];
  edges: RefiEdge[];
}

const GUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** FNV-1a based 128-bit hash, formatted as a version-5-style GUID (pure, no crypto needed). */
export function stableGuid(seed: string): string {
  const parts: string[] = [];
  for (let k = 0; k < 4; k++) {
    let h = 0x811c9dc5 ^ (k * 0x9e3779b1);
    for (const ch of `${k}:${seed}`) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193);
    parts.push((h >>> 0).toString(16).padStart(8, '0'));
  }
  const hex = parts.join('');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function toRefiGraph(input: MapInput, layout: MapLayout): RefiGraph {
  const guidOf = (id: string, kind: string) => stableGuid(`thematic-map:${kind}:${id}`);
  const byId = new Map(input.nodes.map((n) => [n.id, n]));
  const vertices = layout.nodes.map((p): RefiVertex => {
    const node = byId.get(p.id);
    const v: RefiVertex = {
      guid: guidOf(p.id, 'vertex'),
      nodeId: p.id,
      name: node?.label ?? p.lines.join(' '),
      shape: p.kind === 'code' ? 'Rectangle' : 'RoundedRectangle',
      color: p.stroke.toUpperCase(),
      firstX: Math.round(p.x),
      firstY: Math.round(p.y),
      secondX: Math.round(p.x + p.width),
      secondY: Math.round(p.y + p.height),
    };
    if (GUID_RE.test(p.id)) v.representedGUID = p.id;
    return v;
  });
  const present = new Set(vertices.map((v) => v.nodeId));
  const linkByEnds = new Map(input.links.map((l) => [`${l.from}\u0000${l.to}`, l]));
  const edges = layout.edges
    .filter((e) => present.has(e.from) && present.has(e.to))
    .map((e): RefiEdge => {
      const link = e.kind === 'link' ? linkByEnds.get(`${e.from}\u0000${e.to}`) : undefined;
      const edge: RefiEdge = {
        guid: guidOf(link ? link.id : `${e.from}->${e.to}`, e.kind),
        sourceVertex: guidOf(e.from, 'vertex'),
        targetVertex: guidOf(e.to, 'vertex'),
        direction: e.kind === 'tree' ? 'OneWay' : 'Associative',
        lineStyle: e.kind === 'tree' ? 'solid' : 'dotted',
        color: e.kind === 'tree' ? '#6B6B6B' : '#333333',
      };
      if (e.label) edge.name = e.label;
      return edge;
    });
  return { vertices, edges };
}
