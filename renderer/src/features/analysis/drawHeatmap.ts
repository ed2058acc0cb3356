import * as d3 from 'd3';
import { cellText, type Matrix } from '../../model/matrix.ts';

/** Codes by attribute value as a heat map; a click on a code name opens its quotes. */
export function drawHeatmap(el: SVGSVGElement, m: Matrix, onCode: (id: number) => void) {
  const cell = { w: 86, h: 22 },
    left = 260,
    top = 48;
  const width = left + m.cols.length * cell.w + 10,
    height = top + m.rows.length * cell.h + 10;
  const colour = d3.scaleSequential(d3.interpolateBlues).domain([0, m.max]);
  const svg = d3
    .select(el)
    .attr('xmlns', 'http://www.w3.org/2000/svg')
    .attr('width', width)
    .attr('height', height)
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('font-family', "'IBM Plex Sans', sans-serif")
    .attr('font-size', 12);
  svg.selectAll('*').remove();
  svg
    .append('g')
    .selectAll('text')
    .data(m.cols)
    .join('text')
    .attr('x', (_d, i) => left + i * cell.w + cell.w / 2)
    .attr('y', top - 24)
    .attr('text-anchor', 'middle')
    .attr('font-weight', 600)
    .attr('fill', '#39424c')
    .text((d) => d);
  svg
    .append('g')
    .selectAll('text')
    .data(m.sizes)
    .join('text')
    .attr('x', (_d, i) => left + i * cell.w + cell.w / 2)
    .attr('y', top - 9)
    .attr('text-anchor', 'middle')
    .attr('font-size', 11)
    .attr('fill', '#5f6873')
    .text((n) => `n=${n}`);
  const rows = svg
    .append('g')
    .selectAll('g')
    .data(m.rows)
    .join('g')
    .attr('transform', (_d, i) => `translate(0, ${top + i * cell.h})`);
  rows
    .append('text')
    .attr('x', left - 10)
    .attr('y', cell.h / 2 + 4)
    .attr('text-anchor', 'end')
    .attr('fill', '#1d2329')
    .style('cursor', 'pointer')
    .text((d) => (d.name.length > 38 ? d.name.slice(0, 37) + '…' : d.name))
    .on('click', (_e, d) => onCode(d.id));
  rows
    .append('rect')
    .attr('x', left - 6 - 240)
    .attr('y', 6)
    .attr('width', 3)
    .attr('height', cell.h - 12)
    .attr('fill', (d) => d.color);
  rows.each(function (_d, i) {
    const g = d3
      .select(this)
      .selectAll<SVGGElement, number>('g.cell')
      .data(m.cells[i])
      .join('g')
      .attr('class', 'cell')
      .attr('transform', (_v, j) => `translate(${left + j * cell.w}, 0)`);
    g.append('rect')
      .attr('width', cell.w - 2)
      .attr('height', cell.h - 2)
      .attr('rx', 2)
      .attr('fill', (v) => (v ? colour(v) : '#f4f5f7'));
    g.append('text')
      .attr('x', cell.w / 2)
      .attr('y', cell.h / 2 + 3)
      .attr('text-anchor', 'middle')
      .attr('font-size', 11)
      .attr('fill', (v) => (v > m.max * 0.55 ? '#fff' : '#39424c'))
      .text((v) => (v ? cellText(m, v) : ''));
  });
}
