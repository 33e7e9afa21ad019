// The category tree's rows from one answer of admin_category_tree / taxonomy:tree asked without a
// known version (so with its structure): checked by the contract's schema, totals summed.
import { categoryRows, categoryTreeAnswerSchema, currentTree, type CategoryNode } from '../../electron/api/taxonomy';

export function treeRows(answer: unknown): CategoryNode[] {
  const tree = currentTree(undefined, categoryTreeAnswerSchema.parse(answer));
  if (!tree) throw new Error('the tree came without its structure (asked with a known version?)');
  return categoryRows(tree);
}
