import { describe, expect, it } from 'vitest';
import { layoutMap } from '../../src/core/map/layout.ts';
import { sampleMap } from '../../fixtures/map/sample.ts';
import { toRefiGraph, stableGuid } from '../../src/core/map/refi-graph.ts';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('toRefiGraph', () => {
  const input = sampleMap();
  input.nodes.push({ id: '0b9e5c7a-1111-4222-8333-444455556666', kind: 'code', label: 'feeling judged', parentId: 'theme-advocacy' });
  input.links.push({ id: 'link-a', from: 'theme-advocacy', to: 'theme-boundaries', label: 'tension' });
  const layout = layoutMap(input, { layout: 'radial', showCodes: true, palette: 'colorblind' });
  const graph = toRefiGraph(input, layout);

  it('has one vertex per node with its label and box, and GUIDs', () => {
    expect(graph.vertices).toHaveLength(input.nodes.length);
    const core = graph.vertices.find((v) => v.nodeId === 'core-bridge')!;
    expect(core.name).toBe('Peer support workers as a bridge');
    expect(core.guid).toMatch(GUID);
    expect(core.secondX).toBeGreaterThan(core.firstX);
    expect(core.secondY).toBeGreaterThan(core.firstY);
    expect(graph.vertices.find((v) => v.name === 'feeling judged')!.representedGUID).toBe('0b9e5c7a-1111-4222-8333-444455556666');
    expect(new Set(graph.vertices.map((v) => v.guid)).size).toBe(graph.vertices.length);
  });

  it('has the tree edges (directed) and the extra link (associative, named)', () => {
    const vertexGuid = new Map(graph.vertices.map((v) => [v.nodeId, v.guid]));
    expect(graph.edges.filter((e) => e.direction === 'OneWay')).toHaveLength(13);
    const link = graph.edges.find((e) => e.direction === 'Associative')!;
    expect(link).toMatchObject({
      name: 'tension',
      sourceVertex: vertexGuid.get('theme-advocacy'),
      targetVertex: vertexGuid.get('theme-boundaries'),
    });
    for (const e of graph.edges) expect([...vertexGuid.values()]).toContain(e.sourceVertex);
  });

  it('derives the same GUIDs every time', () => {
    expect(toRefiGraph(input, layout)).toEqual(graph);
    expect(stableGuid('a')).not.toBe(stableGuid('b'));
    expect(stableGuid('a')).toMatch(GUID);
  });
});
