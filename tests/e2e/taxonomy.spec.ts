// Curating in the browser shell: create a sub-category, reorder by drag, merge two tags,
// bulk-tag three videos.
import { expect, test, type Page } from '@playwright/test';
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

type Node = { id: number; slug: string; parent_id: number | null; display_order: number };
const childrenOf = async (page: Page, slug: string) => {
  const tree = await rpc<Node[]>(page, 'taxonomy:tree', {});
  const parent = tree.find((c) => c.slug === slug)!;
  return tree
    .filter((c) => c.parent_id === parent.id)
    .sort((a, b) => a.display_order - b.display_order)
    .map((c) => c.slug);
};

test('create a sub-category', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Add a subcategory to Science' }).click();
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
