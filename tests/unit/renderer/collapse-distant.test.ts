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

  it('folds the videos 2 hops away too when the view would still hold too many cards, and opens them level by level', () => {
    // f -> a1, a2; each a has 3 videos at hop 2, each of those 2 at hop 3: 1 + 2 + 6 + 12 videos.
    const big = [node('f', 0), node('a1', 1), node('a2', 1)];
    const links = [edge('f', 'a1'), edge('f', 'a2')];
    for (const a of ['a1', 'a2'])
      for (const i of [1, 2, 3]) {
        big.push(node(`${a}b${i}`, 2));
        links.push(edge(a, `${a}b${i}`));
        for (const j of [1, 2]) {
          big.push(node(`${a}b${i}c${j}`, 3));
          links.push(edge(`${a}b${i}`, `${a}b${i}c${j}`));
        }
      }
    // Hop 3 folded: 9 videos + 6 groups = 15 cards, within 20: hop 2 stays.
    expect(collapseDistant(big, links, new Set()).nodes).toHaveLength(9);
    // Within 10 cards: hop 2 folds as well, its folded hop-3 videos with it.
    const tight = collapseDistant(big, links, new Set(), 10);
    expect(tight.nodes.map((n) => n.id)).toEqual(['f', 'a1', 'a2']);
    expect(tight.groups).toEqual([
      { id: moreId('a1'), parent: 'a1', hidden: ['a1b1', 'a1b2', 'a1b3'] },
      { id: moreId('a2'), parent: 'a2', hidden: ['a2b1', 'a2b2', 'a2b3'] },
    ]);
    expect(tight.edges).toEqual([edge('f', 'a1'), edge('f', 'a2')]);
    // Opening a1 shows its hop-2 videos, each with its own folded card.
    const opened = collapseDistant(big, links, new Set(['a1']), 10);
    expect(opened.nodes.map((n) => n.id)).toEqual(['f', 'a1', 'a2', 'a1b1', 'a1b2', 'a1b3']);
    expect(opened.groups.map((g) => g.parent)).toEqual(['a1b1', 'a1b2', 'a1b3', 'a2']);
  });

  it('never folds more away when the user opens a card (the fold depth is chosen with nothing opened)', () => {
    // 9 cards at hop 3 folded: 3 + 3 groups = 6 cards, within 6; opening one group makes 7.
    const small = [node('f', 0), node('a', 1), node('b1', 2), node('b2', 2)];
    const links = [edge('f', 'a'), edge('a', 'b1'), edge('a', 'b2')];
    for (const b of ['b1', 'b2'])
      for (const j of [1, 2, 3]) {
        small.push(node(`${b}c${j}`, 3));
        links.push(edge(b, `${b}c${j}`));
      }
    expect(collapseDistant(small, links, new Set(), 6).nodes.map((n) => n.id)).toEqual(['f', 'a', 'b1', 'b2']);
    const opened = collapseDistant(small, links, new Set(['b1']), 6);
    expect(opened.nodes.map((n) => n.id)).toEqual(['f', 'a', 'b1', 'b2', 'b1c1', 'b1c2', 'b1c3']);
    expect(opened.groups.map((g) => g.parent)).toEqual(['b2']);
  });

  it('gives a video linked to two parents to one of them only (the first by title)', () => {
    const view = collapseDistant(nodes, [...edges, edge('b2', 'c1')], new Set());
    expect(view.groups.find((g) => g.parent === 'b1')?.hidden).toContain('c1');
    expect(view.groups.find((g) => g.parent === 'b2')?.hidden).not.toContain('c1');
  });
});
