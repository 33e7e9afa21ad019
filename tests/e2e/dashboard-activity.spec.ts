// The dashboard (the console's home page) and the activity log in the browser shell, after two
// moderators decided: charts drawn, their numbers readable by a screen reader and equal to the
// database's; the log filtered by one operator shows only that operator's rows and opens an item;
// the CSV export is the whole filtered set; both pages axe-clean in light and dark.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { startShell, type Shell } from './browser-shell';

let shell: Shell;
test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  shell = await startShell();
});
test.afterAll(async () => shell?.stop());

type Row = { id: string; title: string };
type Batch = { results: { id: string; outcome: string }[] };

async function rpc<T>(page: Page, channel: string, input: unknown): Promise<T> {
  const r = await page.request.post(`${shell.origin}/api/rpc/${channel}`, { data: input, headers: { origin: shell.origin } });
  const body = (await r.json()) as { ok: boolean; data: T; error?: { message: string } };
  if (!body.ok) throw new Error(body.error?.message);
  return body.data;
}

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function toggleTheme(page: Page) {
  await page.keyboard.press('Control+k');
  const input = page.getByRole('combobox', { name: 'Type a command' });
  await input.fill('theme');
  await input.press('Enter');
}

const today = new Date().toISOString().slice(0, 10);
const decided: { grace: Row[]; ada: Row[] } = { grace: [], ada: [] };

/** Decides until `count` videos were decided by the current operator (a video they submitted is refused, and skipped). */
async function decide(page: Page, rows: Row[], action: 'approve' | 'reject', count: number): Promise<Row[]> {
  const done: Row[] = [];
  while (done.length < count) {
    const row = rows.shift()!;
    const r = await rpc<Batch>(page, 'moderation:act', {
      action,
      items: [{ id: row.id, expected_status: 'pending' }],
      ...(action === 'reject' ? { reason: 'Spam' } : {}),
    });
    if (r.results[0]!.outcome === 'done') done.push(row);
    else if (rows.length === 0) throw new Error(`no video could be decided: ${JSON.stringify(r.results[0])}`);
  }
  return done;
}

test('the dashboard is the home page: charts drawn, and the numbers a screen reader reads are the database’s', async ({ page }) => {
  await page.goto(shell.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  // grace approves one and rejects one; ada (the profile's operator) approves one.
  const rows = (await rpc<{ rows: Row[] }>(page, 'moderation:queue', { queue: 'pending', limit: 20 })).rows;
  const [grace] = await rpc<{ id: string }[]>(page, 'moderation:operators', { search: 'grace_moderator' });
  await rpc(page, 'connections:set-operator', { id: 'embedded', operatorId: grace!.id });
  decided.grace.push(...(await decide(page, rows, 'approve', 1)), ...(await decide(page, rows, 'reject', 1)));
  await rpc(page, 'connections:set-operator', { id: 'embedded', operatorId: null });
  decided.ada.push(...(await decide(page, rows, 'approve', 1)));

  await page.reload();
  const counts = await rpc<{ pending: number; flagged: number }>(page, 'moderation:counts', {});
  const now = page.getByRole('region', { name: 'Dashboard' }).getByLabel('Now');
  await expect(now.getByRole('link', { name: /Pending videos/ })).toContainText(String(counts.pending));
  await expect(page.locator('.chart-canvas canvas')).toHaveCount(2);

  const depth = page.getByRole('table', { name: 'Queue depth: the numbers' });
  await expect(depth.getByRole('row', { name: new RegExp(today) })).toHaveText(`${today}${counts.pending}${counts.flagged}`);
  const decisions = page.getByRole('table', { name: 'Decisions per moderator: the numbers' });
  await expect(decisions.getByRole('columnheader')).toHaveText(['Day', 'ada_moderator', 'grace_moderator']);
  await expect(decisions.getByRole('row', { name: new RegExp(today) })).toHaveText(`${today}12`);
  const mix = page.getByRole('table', { name: 'Decision mix on videos' });
  await expect(mix.getByRole('row', { name: /Approved/ })).toContainText('2');
  await expect(mix.getByRole('row', { name: /Rejected/ })).toContainText('1');

  await page.waitForLoadState('networkidle');
  expect(await axe(page)).toEqual([]);
  await toggleTheme(page);
  await expect(page.locator('.chart-canvas canvas')).toHaveCount(2);
  expect(await axe(page)).toEqual([]);
});

test("the activity log filtered by one operator shows only that operator's rows, and opens an item", async ({ page }) => {
  await page.goto(shell.url);
  // The moderation log: the three decisions (the whole feed also lists the migrations applied).
  await page.goto(`${shell.origin}/#/activity?domain=moderation`);
  const table = page.getByRole('table', { name: 'Activity' });
  await expect(table.locator('tbody tr[data-index]')).toHaveCount(3);
  await page.getByLabel('Operator').selectOption({ label: 'grace_moderator' });
  await expect(page).toHaveURL(/[?&]operator=[0-9a-f-]{36}/);
  const rows = table.locator('tbody tr[data-index]');
  await expect(rows).toHaveCount(2);
  for (const row of await rows.all()) await expect(row).toContainText('grace_moderator');
  await expect(table).not.toContainText('ada_moderator');

  const approved = decided.grace[0]!;
  await table.getByRole('link', { name: approved.title }).click();
  await expect(page).toHaveURL(new RegExp(`#/video/${approved.id}$`));
  await expect(page.getByText(approved.title).first()).toBeVisible();
});

test('CSV export downloads every row of the filtered set', async ({ page }) => {
  await page.goto(shell.url);
  await page.goto(`${shell.origin}/#/activity?domain=moderation`);
  await expect(page.getByRole('table', { name: 'Activity' }).locator('tbody tr[data-index]')).toHaveCount(3);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  const csv = readFileSync((await download.path())!, 'utf8');
  const lines = csv.trimEnd().split('\r\n');
  expect(lines[0]).toBe('at,domain,action,operator,operator_id,target_type,target_id,target,summary');
  expect(
    lines
      .slice(1)
      .map((l) => l.split(',')[3])
      .sort(),
  ).toEqual(['ada_moderator', 'grace_moderator', 'grace_moderator']);
  expect(csv).toContain(',reject,grace_moderator,');
  await expect(page.getByRole('status').filter({ hasText: 'Exported 3 rows.' })).toBeVisible();
});

test('the activity log is axe-clean in light and dark', async ({ page }) => {
  await page.goto(shell.url);
  await page.goto(`${shell.origin}/#/activity`);
  await expect(page.getByRole('table', { name: 'Activity' }).locator('tbody tr[data-index]').first()).toBeVisible();
  expect(await axe(page)).toEqual([]);
  await toggleTheme(page);
  expect(await axe(page)).toEqual([]);
});
