// Curating in the browser shell: create a sub-category, reorder by drag, merge two tags,
// bulk-tag three videos; the tree collapses (remembered), filters and walks by keyboard, with one
// row menu per row and the built-in "All" without dead actions; names in natural order; a merge
// suggested by meaning; axe clean in both themes.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { treeRows } from '../support/category-tree';
import { startShell, type Shell } from './browser-shell';

let shell: Shell;
test.beforeAll(async () => {
  shell = await startShell();
});
test.afterAll(async () => shell?.stop());

async function open(page: Page, tab?: string) {
  await page.goto(shell.url);
  await page.goto(`${shell.origin}/#/taxonomy${tab ? `?tab=${tab}` : ''}`);
}

async function rpc<T>(page: Page, channel: string, input: unknown): Promise<T> {
  const r = await page.request.post(`${shell.origin}/api/rpc/${channel}`, { data: input, headers: { origin: shell.origin } });
  const body = (await r.json()) as { ok: boolean; data: T };
  return body.data;
}

const childrenOf = async (page: Page, slug: string) => {
  const tree = treeRows(await rpc<unknown>(page, 'taxonomy:tree', {}));
  const parent = tree.find((c) => c.slug === slug)!;
  return tree
    .filter((c) => c.parent_id === parent.id)
    .sort((a, b) => (a.display_order ?? 0) - (b.display_order ?? 0))
    .map((c) => c.slug);
};

test('create a sub-category', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Actions for Science' }).click();
  await page.getByRole('menuitem', { name: 'Add subcategory' }).click();
  const form = page.getByRole('form', { name: 'New category' });
  await form.getByLabel('Name').fill('Quantum Computing');
  await expect(form.getByText('Leave empty to use “quantum-computing”.')).toBeVisible();
  await form.getByLabel('Colour').fill('blue');
  await form.getByRole('button', { name: 'Create category' }).click();
  await expect(form.getByText('Use a hex colour such as #3450d6.')).toBeVisible();
  await form.getByLabel('Colour').fill('#7c3aed');
  await form.getByRole('button', { name: 'Create category' }).click();
  await expect(page.getByTestId('category-quantum-computing')).toBeVisible();
  expect(await childrenOf(page, 'science')).toContain('quantum-computing');
});

test('reorder by drag', async ({ page }) => {
  await open(page);
  const before = await childrenOf(page, 'science');
  expect(before.indexOf('chemistry')).toBeGreaterThan(0);
  await page.getByTestId('category-chemistry').dragTo(page.getByTestId(`gap-${before[0]}`));
  await expect(page.getByRole('status').filter({ hasText: 'Moved "Chemistry" under "Science"' })).toBeVisible();
  expect((await childrenOf(page, 'science'))[0]).toBe('chemistry');
});

test('a move that would close a cycle is refused with its path', async ({ page }) => {
  await open(page);
  await page.getByTestId('category-science').dragTo(page.getByTestId('category-physics'));
  await expect(page.getByRole('status').filter({ hasText: 'would make it its own ancestor' })).toBeVisible();
  expect(await childrenOf(page, 'science')).toContain('physics');
});

test('merge two tags', async ({ page }) => {
  await open(page, 'tags');
  const table = page.getByRole('table', { name: 'Tags table' });
  await page.getByRole('searchbox', { name: 'Search tags' }).fill('geometry');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await table.getByRole('checkbox', { name: 'Select geometry' }).check();
  await page.getByRole('searchbox', { name: 'Search tags' }).fill('number theory');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await table.getByRole('checkbox', { name: 'Select number theory' }).check();
  await page.getByRole('button', { name: 'Merge selected…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge 2 tag(s)' });
  const target = await dialog.getByLabel('Merge into').locator('option', { hasText: 'geometry' }).getAttribute('value');
  await dialog.getByLabel('Merge into').selectOption(target!);
  await dialog.getByRole('button', { name: 'Merge' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Merged 1 tag(s)' })).toBeVisible();
  const page1 = await rpc<{ rows: { name: string }[] }>(page, 'taxonomy:tags', { search: 'number theory' });
  expect(page1.rows).toEqual([]);
});

test('bulk-tag three videos', async ({ page }) => {
  await open(page, 'bulk');
  const videos = page.getByRole('table', { name: 'Videos to tag' });
  const boxes = videos.locator('tbody input[type=checkbox]');
  for (let i = 0; i < 3; i++) await boxes.nth(i).check();
  await expect(page.getByRole('heading', { name: '3 videos selected' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Tags' }).fill('visualization');
  await page.getByRole('checkbox', { name: 'Add visualization' }).check();
  await page.getByRole('button', { name: 'Apply to 3 videos' }).click();
  await expect(page.getByRole('status').filter({ hasText: /3 done/ })).toBeVisible();
});

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}
/** Axe in the light theme, then again in the dark one (the theme is a saved setting: reload). */
async function axeBothThemes(page: Page, again: () => Promise<void>) {
  expect(await axe(page)).toEqual([]);
  await page.evaluate(() => localStorage.setItem('magna.theme', 'dark'));
  await page.reload();
  await again();
  expect(await axe(page)).toEqual([]);
  await page.evaluate(() => localStorage.setItem('magna.theme', 'light'));
}

const item = (page: Page, name: string) => page.getByRole('tree', { name: 'Categories' }).getByRole('treeitem', { name, exact: true });

test('the tree collapses (remembered), walks by arrow keys and filters keeping ancestors', async ({ page }) => {
  await open(page);
  const science = item(page, 'Science');
  await expect(science).toHaveAttribute('aria-expanded', 'true');
  await expect(item(page, 'Physics')).toBeVisible();
  await science.getByTestId('category-science').locator('.cat-name').click();
  await expect(science).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(science).toHaveAttribute('aria-expanded', 'false');
  await expect(item(page, 'Physics')).toHaveCount(0);
  await page.reload();
  await expect(item(page, 'Science')).toHaveAttribute('aria-expanded', 'false');
  await item(page, 'Science').getByTestId('category-science').locator('.cat-name').click();
  await page.keyboard.press('ArrowRight');
  await expect(item(page, 'Science')).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowRight');
  const firstChild = item(page, 'Science').getByRole('group').getByRole('treeitem').first();
  await expect(firstChild).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(item(page, 'Science')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(firstChild).toBeFocused();

  await page.getByRole('searchbox', { name: 'Filter categories' }).fill('astro');
  await expect(item(page, 'Astronomy')).toBeVisible();
  await expect(item(page, 'Astronomy').locator('mark')).toHaveText('Astro');
  await expect(item(page, 'Science')).toBeVisible();
  await expect(item(page, 'Physics')).toHaveCount(0);
  await expect(item(page, 'Technology')).toHaveCount(0);
  await page.getByRole('searchbox', { name: 'Filter categories' }).fill('no such category');
  await expect(page.getByText('No category matches “no such category”')).toBeVisible();
});

test('one row menu per row; the built-in "All" offers only what works, and is listed once in the bulk filter', async ({ page }) => {
  await open(page);
  const tree = page.getByRole('tree', { name: 'Categories' });
  // Counted once the tree has its rows (an empty tree would count 0 before they arrive).
  await expect(tree.getByRole('treeitem').first()).toBeVisible();
  await expect(tree.getByRole('button', { name: /^Actions for / })).toHaveCount(await tree.getByRole('treeitem').count());
  await expect(tree.getByRole('button', { name: /^(Edit|History|Delete|\+ Sub)/ })).toHaveCount(0);
  await tree.getByRole('button', { name: 'Actions for All' }).click();
  await expect(page.getByRole('menu', { name: 'Actions for All' }).getByRole('menuitem')).toHaveText(['History']);
  await page.keyboard.press('Escape');
  await expect(tree.getByRole('button', { name: 'Actions for All' })).toBeFocused();

  await tree.getByRole('button', { name: 'Actions for Chemistry' }).click();
  const menu = page.getByRole('menu', { name: 'Actions for Chemistry' });
  await expect(menu.getByRole('menuitem')).toHaveText(['Edit', 'Add subcategory', 'Move…', 'History', 'Delete…']);
  await expect(menu.getByRole('menuitem', { name: 'Edit' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Move…' })).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Move "Chemistry"' });
  await dialog.getByLabel('Parent').selectOption({ label: 'Physics' });
  await dialog.getByRole('button', { name: 'Move' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Moved "Chemistry" under "Physics"' })).toBeVisible();
  expect(await childrenOf(page, 'physics')).toContain('chemistry');
  await axeBothThemes(page, async () => {
    await expect(item(page, 'Physics')).toBeVisible();
    await page.getByRole('tree', { name: 'Categories' }).getByRole('button', { name: 'Actions for Physics' }).click();
    await expect(page.getByRole('menu', { name: 'Actions for Physics' })).toBeVisible();
  });

  await open(page, 'bulk');
  await expect(page.getByRole('combobox', { name: /^Category/ }).locator('option', { hasText: /^All$/ })).toHaveCount(1);
});

test('tag names in natural order: 1, 2, 10', async ({ page }) => {
  await open(page, 'tags');
  for (const name of ['Lesson 10', 'Lesson 2', 'Lesson 1']) await rpc(page, 'taxonomy:save-tag', { name });
  await page.getByRole('searchbox', { name: 'Search tags' }).fill('lesson');
  const table = page.getByRole('table', { name: 'Tags table' });
  await expect(table.locator('tbody tr')).toHaveCount(3);
  await expect(table.locator('tbody tr')).toHaveText([/Lesson 1(?!\d)/, /Lesson 2/, /Lesson 10/]);
});

test('a merge suggested by meaning: tag names embedded with the videos model', async ({ page }) => {
  test.setTimeout(240_000);
  await open(page, 'tags');
  // The videos' model first: a small offline backfill (the rejected videos).
  const job = await rpc<{ jobId: string }>(page, 'embeddings:start', { provider: { provider: 'local' }, scope: 'missing', statuses: ['rejected'] });
  await expect
    .poll(async () => (await rpc<{ id: string; status: string }[]>(page, 'embeddings:jobs', {})).find((j) => j.id === job.jobId)?.status, {
      timeout: 120_000,
    })
    .toBe('done');
  await rpc(page, 'taxonomy:save-tag', { name: 'Movie' });
  await rpc(page, 'taxonomy:save-tag', { name: 'Film' });
  await open(page, 'tags');
  await page.getByRole('button', { name: 'Suggestions' }).click();
  const panel = page.getByLabel('Possible duplicate tags');
  await panel.getByRole('button', { name: 'Embed tag names' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Embedded \d+ tag name\(s\) with glove/ })).toBeVisible();
  const pair = panel.getByRole('listitem').filter({ hasText: 'similar meaning' }).filter({ hasText: 'Film' });
  await expect(pair).toContainText(/Film.*~.*Movie|Movie.*~.*Film/);
  await expect(pair).toContainText(/similar meaning \d+%/);
  await axeBothThemes(page, async () => {
    await page.getByRole('button', { name: 'Suggestions' }).click();
    await expect(page.getByLabel('Possible duplicate tags').getByRole('listitem').filter({ hasText: 'similar meaning' }).first()).toBeVisible();
  });
  await page
    .getByLabel('Possible duplicate tags')
    .getByRole('listitem')
    .filter({ hasText: 'similar meaning' })
    .filter({ hasText: 'Film' })
    .getByRole('button', { name: /^Merge/ })
    .click();
  await expect(page.getByRole('status').filter({ hasText: 'Merged 1 tag(s)' })).toBeVisible();
  const left = await rpc<{ rows: { name: string }[] }>(page, 'taxonomy:tags', { search: 'film' });
  const right = await rpc<{ rows: { name: string }[] }>(page, 'taxonomy:tags', { search: 'movie' });
  expect([...left.rows, ...right.rows].map((r) => r.name).filter((n) => n === 'Film' || n === 'Movie')).toHaveLength(1);
});

test('a reload brings only the usage while no category changed, and the whole tree once one did', async ({ page }) => {
  const asked: { knownVersion?: string }[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/rpc/taxonomy:tree')) asked.push(r.postDataJSON() as { knownVersion?: string });
  });
  const reload = async () => {
    const sent = asked.length;
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: 'Type a command' }).fill('Reload data');
    await page.keyboard.press('Enter');
    await expect.poll(() => asked.length).toBeGreaterThan(sent);
    return asked.at(-1)!;
  };
  // A pending video of a top-level category, and that category's row.
  await open(page);
  const tree = treeRows(await rpc<unknown>(page, 'taxonomy:tree', {}));
  const { rows } = await rpc<{ rows: { id: string; category_id: number | null }[] }>(page, 'moderation:queue', { queue: 'pending', limit: 100 });
  const video = rows.find((r) => tree.some((c) => c.id === r.category_id && c.parent_id === null && c.slug !== 'all'))!;
  const category = tree.find((c) => c.id === video.category_id)!;
  const row = page.getByTestId(`category-${category.slug}`);
  const own = async () => (await row.locator('.cat-usage').innerText()).split(' (')[0]!;
  await expect(row).toBeVisible();
  expect(await own()).toBe(`${category.approved} / ${category.pending}`);

  // The video approved elsewhere: the usage changes, the structure does not.
  await rpc(page, 'moderation:act', { action: 'approve', items: [{ id: video.id, expected_status: 'pending' }] });
  expect((await reload()).knownVersion).toEqual(expect.any(String));
  await expect.poll(own).toBe(`${category.approved + 1} / ${category.pending - 1}`);

  // A category added elsewhere: the console holds an old version now, and gets the whole tree.
  await rpc(page, 'taxonomy:save-category', { name: 'Added Elsewhere', parentId: null });
  await reload();
  await expect(page.getByTestId('category-added-elsewhere')).toBeVisible();
  expect(await own()).toBe(`${category.approved + 1} / ${category.pending - 1}`);
});
