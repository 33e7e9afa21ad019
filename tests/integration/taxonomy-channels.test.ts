// The taxonomy channels in the main process: the contract accepts what the SQL returns, and
// destructive changes on a production profile need the profile's name.
import { afterAll, describe, expect, it } from 'vitest';
import { treeRows } from '../support/category-tree';
import { startConsoleApp } from '../support/console-app-harness';

const harness = startConsoleApp();
const call = harness.call;
afterAll(() => harness.dispose());

describe('taxonomy channels', () => {
  it('serve every view within the contract', async () => {
    const tree = treeRows(await call('taxonomy:tree', {}));
    expect(tree.some((c) => c.slug === 'physics')).toBe(true);
    const tags = (await call('taxonomy:tags', { sort: 'usage', limit: 5 })) as { rows: unknown[]; total: number };
    expect(tags.rows).toHaveLength(5);
    await call('taxonomy:suggestions', {});
    const videos = (await call('taxonomy:videos', { status: 'approved', limit: 3 })) as { rows: { id: string }[] };
    expect(videos.rows).toHaveLength(3);
    const saved = (await call('taxonomy:save-tag', { name: 'Channel test tag' })) as { id: number; slug: string };
    expect(saved.slug).toBe('channel-test-tag');
    const bulk = (await call('taxonomy:bulk-tag', { videoIds: videos.rows.map((v) => v.id), addTagIds: [saved.id] })) as { tags_added: number };
    expect(bulk.tags_added).toBe(3);
    const audit = (await call('taxonomy:audit', { targetType: 'tag', targetId: saved.id })) as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(['bulk_tag', 'create']);
  });

  it('stops bad input at the boundary with the same words as the form', async () => {
    await expect(call('taxonomy:save-category', { name: 'X', color: 'red' })).rejects.toMatchObject({
      code: 'invalid_input',
      fields: { color: 'Use a hex colour such as #3450d6.' },
    });
    await expect(call('taxonomy:save-tag', { name: 'X', slug: 'has space' })).rejects.toMatchObject({
      code: 'invalid_input',
      fields: { slug: expect.stringContaining('no spaces') },
    });
    await expect(call('taxonomy:merge-tags', { sourceIds: [3], targetId: 3 })).rejects.toMatchObject({
      code: 'invalid_input',
      fields: { targetId: 'A tag cannot be merged into itself.' },
    });
  });
});
