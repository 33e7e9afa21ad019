// The category tree as what the screen shows: siblings in display order (names in natural order
// when equal), the rows visible under the collapsed set, and a filter that keeps every match with
// its ancestors (expanded, so each match is in view).
import { compareNames } from './natural-order';

export type TreeNode = { id: number; name: string; slug: string; parent_id: number | null; display_order: number | null };

/** The built-in "All" category: a filter, not a place for videos or subcategories. */
export const isBuiltIn = (c: { slug: string }) => c.slug === 'all';

export function childrenByParent<T extends TreeNode>(all: readonly T[]): Map<number | null, T[]> {
  const map = new Map<number | null, T[]>();
  for (const c of all) {
    const list = map.get(c.parent_id);
    if (list) list.push(c);
    else map.set(c.parent_id, [c]);
  }
  for (const list of map.values()) list.sort((a, b) => (a.display_order ?? 0) - (b.display_order ?? 0) || compareNames(a.name, b.name));
  return map;
}

/** Ids of the categories whose name or slug contains the query (case-insensitive), or null without a query. */
export function matchingIds(all: readonly TreeNode[], query: string): Set<number> | null {
  const q = query.trim().toLocaleLowerCase();
  if (!q) return null;
  return new Set(all.filter((c) => c.name.toLocaleLowerCase().includes(q) || c.slug.includes(q)).map((c) => c.id));
}

/** The matches and every ancestor of one: what a filtered tree shows. */
export function withAncestors(all: readonly TreeNode[], matches: ReadonlySet<number>): Set<number> {
  const byId = new Map(all.map((c) => [c.id, c]));
  const keep = new Set<number>();
  for (const id of matches) {
    let c = byId.get(id);
    while (c && !keep.has(c.id)) {
      keep.add(c.id);
      c = c.parent_id === null ? undefined : byId.get(c.parent_id);
    }
  }
  return keep;
}

export type VisibleRow<T> = { node: T; depth: number; hasChildren: boolean; expanded: boolean };

/**
 * The rows in screen order. Without a filter a collapsed category hides its subtree; with one,
 * only kept categories show, all expanded.
 */
export function visibleRows<T extends TreeNode>(
  children: ReadonlyMap<number | null, T[]>,
  collapsed: ReadonlySet<number>,
  keep: ReadonlySet<number> | null,
): VisibleRow<T>[] {
  const rows: VisibleRow<T>[] = [];
  const walk = (parentId: number | null, depth: number) => {
    for (const node of children.get(parentId) ?? []) {
      if (keep && !keep.has(node.id)) continue;
      const kids = (children.get(node.id) ?? []).filter((k) => !keep || keep.has(k.id));
      const expanded = kids.length > 0 && (keep !== null || !collapsed.has(node.id));
      rows.push({ node, depth, hasChildren: kids.length > 0, expanded });
      if (expanded) walk(node.id, depth + 1);
    }
  };
  walk(null, 0);
  return rows;
}

/** Where a tree key moves focus among the visible rows (WAI-ARIA tree pattern), or what it toggles. */
export function treeKey<T extends TreeNode>(
  rows: readonly VisibleRow<T>[],
  currentId: number,
  key: string,
): { focus: number } | { expand: number } | { collapse: number } | null {
  const i = rows.findIndex((r) => r.node.id === currentId);
  if (i < 0) return rows[0] ? { focus: rows[0].node.id } : null;
  const row = rows[i]!;
  switch (key) {
    case 'ArrowDown':
      return rows[i + 1] ? { focus: rows[i + 1]!.node.id } : null;
    case 'ArrowUp':
      return rows[i - 1] ? { focus: rows[i - 1]!.node.id } : null;
    case 'Home':
      return { focus: rows[0]!.node.id };
    case 'End':
      return { focus: rows.at(-1)!.node.id };
    case 'ArrowRight':
      if (row.hasChildren && !row.expanded) return { expand: row.node.id };
      return row.expanded && rows[i + 1] ? { focus: rows[i + 1]!.node.id } : null;
    case 'ArrowLeft':
      if (row.expanded) return { collapse: row.node.id };
      return row.node.parent_id !== null ? { focus: row.node.parent_id } : null;
    default:
      return null;
  }
}
