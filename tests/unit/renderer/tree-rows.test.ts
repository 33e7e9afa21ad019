// The category tree's rows: natural order among equals, collapse hiding subtrees, a filter that
// keeps the ancestors of every match, and the WAI-ARIA tree keys.
import { describe, expect, it } from 'vitest';
import { compareNames } from '../../../renderer/src/features/taxonomy/lib/natural-order';
import {
  childrenByParent,
  matchingIds,
  treeKey,
  visibleRows,
  withAncestors,
  type TreeNode,
} from '../../../renderer/src/features/taxonomy/lib/tree-rows';

const node = (id: number, name: string, parent_id: number | null, display_order = 0): TreeNode => ({
  id,
  name,
  slug: name.toLowerCase().replace(/\s+/g, '-'),
  parent_id,
  display_order,
});
// Science > (Physics > Optics, Lesson 10, Lesson 2), History
const all = [
  node(1, 'Science', null, 1),
  node(2, 'Physics', 1),
  node(3, 'Optics', 2),
  node(4, 'Lesson 10', 1),
  node(5, 'Lesson 2', 1),
  node(6, 'History', null, 2),
];
const names = (rows: { node: TreeNode }[]) => rows.map((r) => r.node.name);

describe('category tree rows', () => {
  it('orders equal display orders by name, numbers by value (2 before 10)', () => {
    expect(['Lesson 10', 'lesson 2', 'Lesson 1', 'Lesson 11'].sort(compareNames)).toEqual(['Lesson 1', 'lesson 2', 'Lesson 10', 'Lesson 11']);
    expect(names(visibleRows(childrenByParent(all), new Set(), null))).toEqual(['Science', 'Lesson 2', 'Lesson 10', 'Physics', 'Optics', 'History']);
  });

  it('hides the subtree of a collapsed category, and nothing else', () => {
    const rows = visibleRows(childrenByParent(all), new Set([2]), null);
    expect(names(rows)).toEqual(['Science', 'Lesson 2', 'Lesson 10', 'Physics', 'History']);
    expect(rows.find((r) => r.node.id === 2)).toMatchObject({ hasChildren: true, expanded: false });
  });

  it('filters to the matches and their ancestors, expanded even when collapsed', () => {
    const keep = withAncestors(all, matchingIds(all, 'opt')!);
    expect(names(visibleRows(childrenByParent(all), new Set([1, 2]), keep))).toEqual(['Science', 'Physics', 'Optics']);
    expect(matchingIds(all, '  ')).toBeNull();
  });

  it('walks with the arrow keys: down, up, right opens then enters, left closes then goes to the parent', () => {
    const children = childrenByParent(all);
    const open = visibleRows(children, new Set(), null);
    expect(treeKey(open, 1, 'ArrowDown')).toEqual({ focus: 5 });
    expect(treeKey(open, 5, 'ArrowUp')).toEqual({ focus: 1 });
    expect(treeKey(open, 2, 'ArrowRight')).toEqual({ focus: 3 });
    expect(treeKey(open, 2, 'ArrowLeft')).toEqual({ collapse: 2 });
    expect(treeKey(open, 3, 'ArrowLeft')).toEqual({ focus: 2 });
    expect(treeKey(open, 1, 'End')).toEqual({ focus: 6 });
    const closed = visibleRows(children, new Set([2]), null);
    expect(treeKey(closed, 2, 'ArrowRight')).toEqual({ expand: 2 });
    expect(treeKey(closed, 6, 'ArrowDown')).toBeNull();
  });
});
