// 3-hop views stay readable: the far videos fold into one "+N more" card per parent, a parent
// the user opened shows them all, and nothing near the focus is ever hidden.
import { describe, expect, it } from 'vitest';
import { collapseDistant, moreId } from '../../../renderer/src/features/graph/lib/collapse-distant';

const node = (id: string, depth: number) => ({ id, depth, title: `Video ${id}` });
const edge = (source: string, target: string) => ({ source, target });

// f -> a -> b1, b2; b1 -> c1, c2, c3; c4 -> b2 (pointing in) and b2 -> c5: c4 and c5 fold under b2.
const nodes = [node('f', 0), node('a', 1), node('b1', 2), node('b2', 2), node('c1', 3), node('c2', 3), node('c3', 3), node('c4', 3), node('c5', 3)];
const edges = [
  edge('f', 'a'),
  edge('a', 'b1'),
  edge('a', 'b2'),
  edge('b1', 'c1'),
  edge('b1', 'c2'),
  edge('b1', 'c3'),
  edge('c4', 'b2'),
  edge('b2', 'c5'),
];

describe('collapseDistant', () => {
  it('folds the hop-3 videos into one group per parent, whichever way their link points', () => {
    const view = collapseDistant(nodes, edges, new Set());
    expect(view.nodes.map((n) => n.id)).toEqual(['f', 'a', 'b1', 'b2']);
    expect(view.groups).toEqual([
      { id: moreId('b1'), parent: 'b1', hidden: ['c1', 'c2', 'c3'] },
      { id: moreId('b2'), parent: 'b2', hidden: ['c4', 'c5'] },
    ]);
    expect(view.edges).toEqual([edge('f', 'a'), edge('a', 'b1'), edge('a', 'b2')]);
  });

  it('shows every video of a parent the user opened, and keeps the other groups folded', () => {
    const view = collapseDistant(nodes, edges, new Set(['b1']));
    expect(view.nodes.map((n) => n.id)).toEqual(['f', 'a', 'b1', 'b2', 'c1', 'c2', 'c3']);
    expect(view.groups.map((g) => g.parent)).toEqual(['b2']);
    expect(view.edges).toContainEqual(edge('b1', 'c3'));
  });

  it('leaves a lone distant video as a card and never folds videos within 2 hops', () => {
    const view = collapseDistant(
      [node('f', 0), node('a', 1), node('b', 2), node('c', 3)],
      [edge('f', 'a'), edge('a', 'b'), edge('b', 'c')],
      new Set(),
    );
    expect(view.groups).toEqual([]);
    expect(view.nodes).toHaveLength(4);
    const two = collapseDistant(nodes.slice(0, 4), edges.slice(0, 3), new Set());
    expect(two.nodes).toHaveLength(4);
  });

  it('gives a video linked to two parents to one of them only (the first by title)', () => {
    const view = collapseDistant(nodes, [...edges, edge('b2', 'c1')], new Set());
    expect(view.groups.find((g) => g.parent === 'b1')?.hidden).toContain('c1');
    expect(view.groups.find((g) => g.parent === 'b2')?.hidden).not.toContain('c1');
  });
});
