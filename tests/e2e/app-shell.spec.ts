// The console end to end in Debian's Chromium over the browser shell, on a fresh embedded
// workspace: first start, every page (axe scan + screenshot), keyboard navigation, migrations,
// and the profile form's field errors.
import { mkdirSync } from 'node:fs';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { startShell, type Shell } from './browser-shell';

const PAGES = [
  ['dashboard', 'Dashboard'],
  ['moderation', 'Moderation'],
  ['taxonomy', 'Taxonomy'],
  ['graph', 'Reference graph'],
  ['embeddings', 'Embeddings'],
  ['migrations', 'Migrations'],
  ['activity', 'Activity'],
  ['settings', 'Settings'],
] as const;
const SHOTS = path.resolve(import.meta.dirname, '..', '..', 'test-results', 'screenshots');
const MIGRATIONS = readdirSync(path.resolve(import.meta.dirname, '..', '..', 'supabase', 'migrations')).filter((f) => f.endsWith('.sql'));

let shell: Shell;
test.beforeAll(async () => {
  shell = await startShell();
  mkdirSync(SHOTS, { recursive: true });
});
test.afterAll(async () => shell?.stop());

async function open(page: Page, route = 'moderation') {
  await page.goto(shell.url);
  await page.goto(`${shell.origin}/#/${route}`);
}

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

test('first start shows the demo workspace', async ({ page }) => {
  await open(page);
  await expect(page.getByRole('heading', { name: 'Moderation' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Active profile: Local workspace/ })).toBeVisible();
  await expect(page.getByRole('tab', { name: /Pending \d+/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Queue' }).locator('tbody tr').first()).toBeVisible();
  await page.goto(`${shell.origin}/#/migrations`);
  await expect(page.getByRole('table', { name: 'Rows per table' }).getByRole('row', { name: /^videos/ })).toContainText('320');
});

for (const [route, title] of PAGES) {
  test(`${title} page: no serious accessibility violations, screenshot kept`, async ({ page }) => {
    await open(page, route);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, `${route}.png`), fullPage: true });
  });
}

test('the migrations page lists every shipped migration as applied', async ({ page }) => {
  await open(page, 'migrations');
  const rows = page.getByRole('table', { name: 'Migrations' }).locator('tbody tr');
  await expect(rows).toHaveCount(MIGRATIONS.length);
  await expect(page.getByRole('table', { name: 'Migrations' }).locator('.badge.applied')).toHaveCount(MIGRATIONS.length);
  await expect(page.getByRole('button', { name: 'Up to date' })).toBeDisabled();
  await expect(page.getByText('Every shipped migration is applied.')).toBeVisible();
  await page.getByRole('button', { name: /View SQL of core_tables/ }).click();
  await expect(page.getByRole('dialog').getByLabel('SQL')).toContainText('create table public.videos');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('table', { name: 'Rows per table' })).toContainText('videos');
});

test('every page is reachable by keyboard alone', async ({ page }) => {
  await open(page);
  for (const [route, title] of PAGES) {
    const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: title === 'Reference graph' ? 'Graph' : title });
    // Tab from the top of the page (a click on the title bar sets where Tab starts) until the
    // sidebar link has focus, then Enter.
    await page.locator('.brand').click();
    let focused = false;
    for (let i = 0; i < 30 && !focused; i++) {
      await page.keyboard.press('Tab');
      focused = await link.evaluate((el) => el === document.activeElement);
    }
    expect(focused, `reached ${route} by Tab`).toBe(true);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`#/${route}$`));
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  }
  // Shortcuts and the command palette.
  await page.keyboard.press('Alt+6');
  await expect(page.getByRole('heading', { level: 1, name: 'Migrations' })).toBeVisible();
  await page.keyboard.press('Control+k');
  await page.keyboard.type('settings');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
});

test('a Supabase profile with an invalid URL shows the field error and saves nothing', async ({ page }) => {
  await open(page, 'settings');
  await page.getByRole('button', { name: 'Add Supabase project' }).click();
  const form = page.getByRole('form', { name: 'New supabase profile' });
  await form.getByLabel('Profile name').fill('Staging');
  await form.getByLabel('Project URL').fill('not a url');
  await form.getByRole('button', { name: 'Create profile' }).click();
  await expect(form.getByText('Enter a URL such as https://abcdefgh.supabase.co')).toBeVisible();
  await expect(form.getByLabel('Project URL')).toHaveAttribute('aria-invalid', 'true');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('table', { name: 'Connection profiles' }).locator('tbody tr')).toHaveCount(1);
});

test('a crash in one page shows the error boundary, and the rest of the app keeps working', async ({ page }) => {
  // Simulate a renderer bug: the tree arrives with a name the page cannot render (an object; the
  // main process would have refused it, the route skips it).
  const tree = {
    version: 'v1',
    structure: {
      id: [1],
      name: [{ not: 'text' }],
      slug: ['c'],
      description: [null],
      icon: [null],
      color: [null],
      parent_id: [null],
      display_order: [0],
      updated_at: ['2026-11-27T00:00:00Z'],
    },
    usage: { id: [], approved: [], pending: [] },
  };
  await page.route('**/api/rpc/taxonomy:tree', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: true, data: tree }) }),
  );
  await open(page, 'taxonomy');
  await expect(page.getByRole('alert')).toContainText('This page crashed.');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await page.unroute('**/api/rpc/taxonomy:tree');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
});
