import * as d3 from 'd3';
import { coLinks, type CoMatrix } from './cooccurrence.ts';

const short = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);
const base = (el: SVGSVGElement, width: number, height: number) => {
  const svg = d3
    .select(el)
    .attr('xmlns', 'http://www.w3.org/2000/svg')
    .attr('width', width)
    .attr('height', height)
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('font-family', "'IBM Plex Sans', sans-serif")
    .attr('font-size', 11);
  svg.selectAll('*').remove();
  svg.append('rect').attr('width', width).attr('height', height).attr('fill', '#fff');
  return svg;
};

/** The co-occurrence matrix: codes on both axes, counts in cells shaded by strength; the diagonal is greyed. */
export function drawCoMatrix(el: SVGSVGElement, m: CoMatrix): void {
  const cell = 24,
    left = 230,
    top = 150;
  const n = m.codes.length,
    width = left + n * cell + 10,
    height = top + n * cell + 10;
  const svg = base(el, width, height);
  const colour = d3.scaleSequential(d3.interpolateOranges).domain([0, m.max]);
  svg
    .append('g')
    .selectAll('text')
    .data(m.codes)
    .join('text')
    .attr('transform', (_d, j) => `translate(${left + j * cell + cell / 2 + 4}, ${top - 6}) rotate(-55)`)
    .attr('fill', '#39424c')
    .text((d) => short(d.name, 26));
  const rows = svg
    .append('g')
    .selectAll('g')
    .data(m.codes)
    .join('g')
    .attr('transform', (_d, i) => `translate(0, ${top + i * cell})`);
  rows
    .append('text')
    .attr('x', left - 8)
    .attr('y', cell / 2 + 4)
    .attr('text-anchor', 'end')
    .attr('fill', '#1d2329')
    .text((d) => short(d.name, 34));
  rows
    .append('rect')
    .attr('x', left - 6 - 220)
    .attr('y', 6)
    .attr('width', 3)
    .attr('height', cell - 12)
    .attr('fill', (d) => d.color);
  rows.each(function (_d, i) {
    const g = d3
      .select(this)
      .selectAll<SVGGElement, number>('g.cell')
      .data(m.counts[i])
      .join('g')
      .attr('class', 'cell')
      .attr('transform', (_v, j) => `translate(${left + j * cell}, 0)`);
    g.append('rect')
      .attr('width', cell - 2)
      .attr('height', cell - 2)
      .attr('rx', 2)
      .attr('fill', (v, j) => (j === i ? '#e9ecef' : v ? colour(v) : '#f7f8f9'));
    g.append('text')
      .attr('x', (cell - 2) / 2)
      .attr('y', cell / 2 + 3)
      .attr('text-anchor', 'middle')
      .attr('font-size', 10)
      .attr('fill', (v, j) => (j !== i && v > m.max * 0.55 ? '#fff' : '#39424c'))
      .text((v) => (v ? String(v) : ''));
  });
}

interface Node extends d3.SimulationNodeDatum {
  i: number;
  name: string;
  color: string;
  size: number;
}

/**
 * The co-occurrence network: a node per code (area by how often it occurs), an edge per pair that
 * co-occurs (width by count). The force layout runs to rest before drawing: a still picture that
 * exports as it looks, and no animation frames while the researcher reads it. Links weaker than
 * `minLink` are left out so a dense codebook does not become a hairball.
 */
export function drawNetwork(el: SVGSVGElement, m: CoMatrix, minLink = 1, width = 760, height = 560): void {
  const svg = base(el, width, height);
  const links = coLinks(m).filter((l) => l.n >= minLink);
  const linked = new Set(links.flatMap((l) => [l.source, l.target]));
  const nodes: Node[] = m.codes.map((c, i) => ({ i, name: c.name, color: c.color, size: m.counts[i][i] })).filter((n) => linked.has(n.i));
  if (!nodes.length) {
    svg
      .append('text')
      .attr('x', width / 2)
      .attr('y', height / 2)
      .attr('text-anchor', 'middle')
      .attr('fill', '#68717d')
      .attr('font-size', 13)
      .text(minLink > 1 ? `No two codes occur together ${minLink} times or more.` : 'No two codes occur together in the codings shown.');
    return;
  }
  const byI = new Map(nodes.map((n) => [n.i, n]));
  const edges = links.map((l) => ({ source: byI.get(l.source)!, target: byI.get(l.target)!, n: l.n }));
  const r = d3
    .scaleSqrt()
    .domain([0, d3.max(nodes, (n) => n.size) ?? 1])
    .range([4, 18]);
  const w = d3
    .scaleLinear()
    .domain([1, d3.max(edges, (e) => e.n) ?? 1])
    .range([1, 7]);
  // Deterministic start (a circle) so the same data always gives the same picture.
  nodes.forEach((n, k) => {
    const a = (2 * Math.PI * k) / nodes.length;
    n.x = width / 2 + Math.cos(a) * 150;
    n.y = height / 2 + Math.sin(a) * 150;
  });
  d3.forceSimulation(nodes)
    .force(
      'link',
      d3
        .forceLink<Node, (typeof edges)[number]>(edges)
        .distance((e) => 150 - Math.min(80, e.n * 6))
        .strength(0.4),
    )
    .force('charge', d3.forceManyBody().strength(-200))
    .force(
      'collide',
      d3.forceCollide<Node>((n) => r(n.size) + 26),
    )
    .force('center', d3.forceCenter(width / 2, height / 2))
    // Gentle gravity: without it, separate clusters drift to the corners.
    .force('x', d3.forceX(width / 2).strength(0.07))
    .force('y', d3.forceY(height / 2).strength(0.09))
    .stop()
    .tick(300);
  const pad = 70;
  for (const n of nodes) {
    n.x = Math.max(pad, Math.min(width - pad, n.x!));
    n.y = Math.max(20, Math.min(height - 20, n.y!));
  }
  svg
    .append('g')
    .attr('class', 'links')
    .selectAll('line')
    .data(edges)
    .join('line')
    .attr('x1', (e) => e.source.x!)
    .attr('y1', (e) => e.source.y!)
    .attr('x2', (e) => e.target.x!)
    .attr('y2', (e) => e.target.y!)
    .attr('stroke', '#9aa6b2')
    .attr('stroke-opacity', 0.7)
    .attr('stroke-width', (e) => w(e.n))
    .append('title')
    .text((e) => `${e.source.name} + ${e.target.name}: ${e.n}`);
  const g = svg
    .append('g')
    .attr('class', 'nodes')
    .selectAll('g')
    .data(nodes)
    .join('g')
    .attr('class', 'node')
    .attr('transform', (n) => `translate(${n.x}, ${n.y})`);
  g.append('circle')
    .attr('r', (n) => r(n.size))
    .attr('fill', (n) => n.color)
    .attr('stroke', '#fff')
    .attr('stroke-width', 1.5);
  g.append('text')
    .attr('y', (n) => r(n.size) + 12)
    .attr('text-anchor', 'middle')
    .attr('fill', '#1d2329')
    .attr('paint-order', 'stroke')
    .attr('stroke', '#fff')
    .attr('stroke-width', 3)
    .text((n) => short(n.name, 28));
}
