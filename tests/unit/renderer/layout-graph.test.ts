// The graph's layered layout: every video gets a place, links read left to right (a video before
// what it links to), and positions are top-left corners as React Flow expects.
import { describe, expect, it } from 'vitest';
import { layoutGraph, NODE_HEIGHT, NODE_WIDTH } from '../../../renderer/src/features/graph/lib/layout-graph';

const nodes = (...ids: string[]) => ids.map((id) => ({ id }));

describe('layoutGraph', () => {
  it('positions every node, linked or not', () => {
    const positions = layoutGraph(nodes('a', 'b', 'c', 'lonely'), [
      { source: 'a', target: 'b' },
      { source: 'b', target: 'c' },
    ]);
    expect([...positions.keys()].sort()).toEqual(['a', 'b', 'c', 'lonely']);
    for (const p of positions.values()) {
      expect(Number.isFinite(p.x)).toBe(true);
      expect(Number.isFinite(p.y)).toBe(true);
    }
  });

  it('puts each layer to the right of the one it links from', () => {
    const p = layoutGraph(nodes('c', 'b', 'a'), [
      { source: 'a', target: 'b' },
      { source: 'b', target: 'c' },
      { source: 'a', target: 'c' },
    ]);
    expect(p.get('a')!.x).toBeLessThan(p.get('b')!.x);
    expect(p.get('b')!.x).toBeLessThan(p.get('c')!.x);
    // Layers never overlap: the next starts after the previous card ends.
    expect(p.get('b')!.x - p.get('a')!.x).toBeGreaterThanOrEqual(NODE_WIDTH);
  });

  it('gives nodes of one layer the same column and distinct rows', () => {
    const p = layoutGraph(nodes('root', 'x', 'y'), [
      { source: 'root', target: 'x' },
      { source: 'root', target: 'y' },
    ]);
    expect(p.get('x')!.x).toBe(p.get('y')!.x);
    expect(Math.abs(p.get('x')!.y - p.get('y')!.y)).toBeGreaterThanOrEqual(NODE_HEIGHT);
  });

  it('returns top-left corners (dagre gives centres): the first card starts at the margin', () => {
    const p = layoutGraph(nodes('only'), []);
    // One node of NODE_WIDTH × NODE_HEIGHT with a 20 px margin: centre (20 + w/2, 20 + h/2).
    expect(p.get('only')).toEqual({ x: 20, y: 20 });
  });

  it('ignores self-links and survives a cycle', () => {
    const p = layoutGraph(nodes('a', 'b'), [
      { source: 'a', target: 'a' },
      { source: 'a', target: 'b' },
      { source: 'b', target: 'a' },
    ]);
    expect(p.size).toBe(2);
  });

  it('lays out afresh on every call (no state kept between calls)', () => {
    const edges = [{ source: 'a', target: 'b' }];
    expect(layoutGraph(nodes('a', 'b'), edges)).toEqual(layoutGraph(nodes('a', 'b'), edges));
    expect(layoutGraph(nodes('z'), []).has('a')).toBe(false);
  });
});
