import * as d3 from 'd3';
import { cellText, unitOf, type Matrix } from '../../model/matrix.ts';

const short = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

/**
 * Code frequencies by group as small multiples: one bar chart per group (attribute value), side by
 * side on a shared scale, codes as rows, so a code's bars can be compared across groups at a glance.
 */
export function drawBars(el: SVGSVGElement, m: Matrix): void {
  const unit = unitOf(m);
  const row = 18,
    left = 240,
    top = 40,
    panel = 170,
    gap = 24;
  const width = left + m.cols.length * (panel + gap),
    height = top + m.rows.length * row + 24;
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
  const x = d3
    .scaleLinear()
    .domain([0, m.max])
    .range([0, panel - 30]);
  svg
    .append('g')
    .selectAll('text')
    .data(m.rows)
    .join('text')
    .attr('x', left - 10)
    .attr('y', (_d, i) => top + i * row + row / 2 + 4)
    .attr('text-anchor', 'end')
    .attr('fill', '#1d2329')
    .text((d) => short(d.name, 36));
  m.cols.forEach((col, j) => {
    const g = svg
      .append('g')
      .attr('class', 'bar-panel')
      .attr('data-group', col)
      .attr('transform', `translate(${left + j * (panel + gap)}, 0)`);
    g.append('text')
      .attr('x', 0)
      .attr('y', top - 16)
      .attr('font-weight', 600)
      .attr('font-size', 12)
      .attr('fill', '#39424c')
      .text(`${col} (n=${m.sizes[j]})`);
    g.append('line')
      .attr('x1', 0)
      .attr('x2', 0)
      .attr('y1', top - 4)
      .attr('y2', top + m.rows.length * row)
      .attr('stroke', '#cfd4db');
    const bars = g
      .selectAll('g.bar')
      .data(m.rows.map((r, i) => ({ code: r, v: m.cells[i][j] })))
      .join('g')
      .attr('class', 'bar')
      .attr('data-code', (d) => d.code.name)
      .attr('data-value', (d) => d.v)
      .attr('transform', (_d, i) => `translate(0, ${top + i * row})`);
    bars
      .append('rect')
      .attr('y', 3)
      .attr('height', row - 6)
      .attr('width', (d) => x(d.v))
      .attr('rx', 2)
      .attr('fill', (d) => d.code.color)
      .append('title')
      .text((d) => `${d.code.name} · ${col}: ${cellText(m, d.v)} ${m.measure === 'percent' ? '' : unit}`.trim());
    bars
      .append('text')
      .attr('x', (d) => x(d.v) + 4)
      .attr('y', row / 2 + 4)
      .attr('font-size', 10)
      .attr('fill', '#68717d')
      .text((d) => (d.v ? cellText(m, d.v) : ''));
  });
  svg
    .append('text')
    .attr('x', left)
    .attr('y', height - 6)
    .attr('font-size', 10)
    .attr('fill', '#68717d')
    .text(`Bars: ${unit}; same scale in every group (max ${cellText(m, m.max)}); n = participants in the group.`);
}
