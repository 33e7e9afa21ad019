// Moderating in the browser shell: approve by keyboard, reject with a reason, bulk approve with
// one item another moderator decided meanwhile, undo; keyboard safety at full speed (a double
// key press, the undo target, an undo while the decision is in flight, shortcuts after a filter
// change, Shift-click ranges).
import { expect, test, type Page } from '@playwright/test';
import { startShell, type Shell } from './browser-shell';

let shell: Shell;
test.beforeAll(async () => {
  shell = await startShell();
});
test.afterAll(async () => shell?.stop());

type Row = { id: string; title: string; moderation_status: string };

async function openQueue(page: Page) {
  await page.goto(shell.url);
  await page.goto(`${shell.origin}/#/moderation`);
  // The first page of a fresh workspace waits for the demo data to load.
  await expect(page.getByRole('table', { name: 'Queue' }).locator('tbody tr.current')).toHaveCount(1, { timeout: 90_000 });
}

async function rpc<T>(page: Page, channel: string, input: unknown): Promise<T> {
  const r = await page.request.post(`${shell.origin}/api/rpc/${channel}`, { data: input, headers: { origin: shell.origin } });
  const body = (await r.json()) as { ok: boolean; data: T; error?: { message: string } };
  if (!body.ok) throw new Error(body.error?.message);
  return body.data;
}

const currentTitle = (page: Page) => page.getByRole('complementary', { name: 'Review' }).locator('.pane-title');
const firstRows = async (page: Page, n: number) => (await rpc<{ rows: Row[] }>(page, 'moderation:queue', { queue: 'pending', limit: n })).rows;
const statusOf = async (page: Page, id: string) =>
  (await rpc<{ video: { moderation_status: string } }>(page, 'moderation:review', { videoId: id })).video.moderation_status;

test('approve by keyboard: the item leaves the queue and the next one opens', async ({ page }) => {
  await openQueue(page);
  const [first, second] = await firstRows(page, 2);
  await expect(currentTitle(page)).toHaveText(first!.title);
  await page.keyboard.press('a');
  await expect(page.getByRole('status').filter({ hasText: `Approved "${first!.title}"` })).toBeVisible();
  await expect(currentTitle(page)).toHaveText(second!.title);
  expect(await statusOf(page, first!.id)).toBe('approved');
  await expect(page.getByRole('table', { name: 'Queue' }).getByText(first!.title, { exact: true })).toHaveCount(0);
});

test('reject with a reason picked from the templates', async ({ page }) => {
  await openQueue(page);
  const [first] = await firstRows(page, 1);
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  await page.keyboard.press('r');
  const dialog = page.getByRole('dialog', { name: 'Reject video' });
  await expect(dialog.getByRole('button', { name: 'Reject' })).toBeDisabled();
  await page.keyboard.press('2');
  await expect(dialog.getByRole('radio', { name: /Duplicate/ })).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: `Rejected "${first!.title}"` })).toBeVisible();
  const review = await rpc<{ video: { moderation_status: string; moderation_notes: string } }>(page, 'moderation:review', { videoId: first!.id });
  expect(review.video).toMatchObject({ moderation_status: 'rejected', moderation_notes: 'This video is already on the platform.' });
});

test('bulk approve with one item another moderator decided meanwhile: per-item outcomes', async ({ page }) => {
  await openQueue(page);
  const rows = await firstRows(page, 3);
  // Select the first three with the keyboard.
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('x');
    await page.keyboard.press('j');
  }
  await expect(page.getByRole('toolbar', { name: 'Bulk actions' })).toContainText('3 selected');
  // Meanwhile, another moderator flags the second one.
  const [grace] = await rpc<{ id: string }[]>(page, 'moderation:operators', { search: 'grace_moderator' });
  await rpc(page, 'connections:set-operator', { id: 'embedded', operatorId: grace!.id });
  await rpc(page, 'moderation:act', { action: 'flag', items: [{ id: rows[1]!.id, expected_status: 'pending' }] });
  await rpc(page, 'connections:set-operator', { id: 'embedded', operatorId: null });

  await page.getByRole('button', { name: 'Approve selected' }).click();
  const outcomes = page.getByRole('dialog', { name: 'Approved 2 of 3' });
  await expect(outcomes).toBeVisible();
  await expect(outcomes.getByRole('row', { name: new RegExp(rows[1]!.title) })).toContainText('conflict');
  await expect(outcomes.getByRole('row', { name: new RegExp(rows[1]!.title) })).toContainText('grace_moderator did flag (pending → flagged)');
  await outcomes.getByRole('button', { name: 'OK' }).click();
  expect(await statusOf(page, rows[0]!.id)).toBe('approved');
  expect(await statusOf(page, rows[1]!.id)).toBe('flagged');
  expect(await statusOf(page, rows[2]!.id)).toBe('approved');
});

test('undo within 10 seconds puts the item back', async ({ page }) => {
  await openQueue(page);
  const [first] = await firstRows(page, 1);
  await page.keyboard.press('f');
  await expect(page.getByRole('status').filter({ hasText: `Flagged "${first!.title}"` })).toBeVisible();
  expect(await statusOf(page, first!.id)).toBe('flagged');
  await page.keyboard.press('Control+z');
  await expect(page.getByText(`Undone: Flagged "${first!.title}".`)).toBeVisible();
  expect(await statusOf(page, first!.id)).toBe('pending');
  await expect(page.getByRole('table', { name: 'Queue' }).getByText(first!.title, { exact: true })).toHaveCount(1);
});

test('the shortcuts are listed with ?', async ({ page }) => {
  await openQueue(page);
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Undo the last action (10 s)');
});

const queueTable = (page: Page) => page.getByRole('table', { name: 'Queue' });

test('two fast a: each approves the item on screen when it is pressed, once, and the undo bar names the last one', async ({ page }) => {
  await openQueue(page);
  const [first, second, third] = await firstRows(page, 3);
  await expect(currentTitle(page)).toHaveText(first!.title);
  // The first decision takes its item out of the list as it is sent: the second key press acts
  // on the next item, never again on the one in flight (which once read as a conflict).
  await page.keyboard.press('a');
  await page.keyboard.press('a');
  const bar = page.getByRole('status').filter({ hasText: 'Approved' });
  await expect(bar).toContainText(`Approved "${second!.title}".`);
  await expect(currentTitle(page)).toHaveText(third!.title);
  // The countdown never reads more than the 10-second window.
  await expect(bar.getByRole('button', { name: /Undo/ })).toHaveText(/· ([0-9]|10)s$/);
  expect(await statusOf(page, first!.id)).toBe('approved');
  expect(await statusOf(page, second!.id)).toBe('approved');
  expect(await statusOf(page, third!.id)).toBe('pending');
  const log = (await rpc<{ rows: { action: string; target_id: string }[] }>(page, 'activity:list', { limit: 1000 })).rows;
  for (const v of [first!, second!]) expect(log.filter((r) => r.action === 'approve' && r.target_id === v.id)).toHaveLength(1);
  await expect(page.getByRole('dialog', { name: 'Not applied' })).toHaveCount(0);
  await expect(queueTable(page).getByText(first!.title, { exact: true })).toHaveCount(0);
  await expect(queueTable(page).getByText(second!.title, { exact: true })).toHaveCount(0);
});

test('Ctrl-Z pressed while the approval is in flight undoes that approval, not the one before', async ({ page }) => {
  await openQueue(page);
  const [first, second, third] = await firstRows(page, 3);
  await page.keyboard.press('a');
  await expect(page.getByRole('status').filter({ hasText: `Approved "${first!.title}".` })).toBeVisible();
  await page.keyboard.press('a');
  await page.keyboard.press('Control+z');
  await expect(page.getByText(`Undone: Approved "${second!.title}".`)).toBeVisible();
  expect(await statusOf(page, first!.id)).toBe('approved');
  expect(await statusOf(page, second!.id)).toBe('pending');
  await expect(currentTitle(page)).toHaveText(second!.title);
  await expect(queueTable(page).getByText(third!.title, { exact: true })).toHaveCount(1);
});

test('Ctrl-Z restores the approved item and reopens it as the current one', async ({ page }) => {
  await openQueue(page);
  const [first, second] = await firstRows(page, 2);
  await page.keyboard.press('a');
  await expect(page.getByRole('status').filter({ hasText: `Approved "${first!.title}".` })).toBeVisible();
  await expect(currentTitle(page)).toHaveText(second!.title);
  await page.keyboard.press('Control+z');
  await expect(page.getByText(`Undone: Approved "${first!.title}".`)).toBeVisible();
  expect(await statusOf(page, first!.id)).toBe('pending');
  await expect(currentTitle(page)).toHaveText(first!.title);
  await expect(queueTable(page).locator('tbody tr.current')).toContainText(first!.title);
});

test('a list read while a decision was being written does not bring the decided item back', async ({ page }) => {
  // Both routes are in place before the page loads and hold nothing until asked: interception
  // turned on mid-test can miss a request sent right after it (Chromium applies it
  // asynchronously), and the held approval would then slip through unseen.
  let holdApprovals = false;
  let holdLists = false;
  const heldApprovals: (() => void)[] = [];
  const heldLists: (() => void)[] = [];
  await page.route('**/api/rpc/moderation:act', async (route) => {
    if (holdApprovals) await new Promise<void>((send) => heldApprovals.push(send));
    await route.continue();
  });
  await page.route('**/api/rpc/moderation:queue', async (route) => {
    if (!holdLists) return route.continue();
    const response = await route.fetch();
    await new Promise<void>((deliver) => heldLists.push(deliver));
    await route.fulfill({ response });
  });
  await openQueue(page);
  const [first, second] = await firstRows(page, 2);
  await page.keyboard.press('a');
  const bar = page.getByRole('status').filter({ hasText: `Approved "${first!.title}".` });
  await expect(bar).toBeVisible();
  // The second approval is held on its way to the server...
  holdApprovals = true;
  await page.keyboard.press('a');
  await expect.poll(() => heldApprovals.length).toBe(1);
  // ...while the undo of the first one reloads the queue: read before the approval is written,
  // delivered after it settled.
  holdLists = true;
  await bar.getByRole('button', { name: /Undo/ }).click();
  await expect.poll(() => heldLists.length).toBeGreaterThan(0);
  holdApprovals = false;
  for (const send of heldApprovals) send();
  await expect(page.getByRole('status').filter({ hasText: `Approved "${second!.title}".` })).toBeVisible();
  expect(await statusOf(page, second!.id)).toBe('approved');
  holdLists = false;
  for (const deliver of heldLists) deliver();
  await expect(page.getByText(`Undone: Approved "${first!.title}".`)).toBeVisible();
  await expect(currentTitle(page)).toHaveText(first!.title);
  await expect(queueTable(page).getByText(second!.title, { exact: true })).toHaveCount(0);
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});

test('after a filter is picked with the mouse, j moves and a approves (the list has the focus)', async ({ page }) => {
  await openQueue(page);
  const [oldest] = await firstRows(page, 1);
  const sortSelect = page.getByRole('search', { name: 'Queue filters' }).getByLabel('Sort');
  await sortSelect.focus();
  await sortSelect.selectOption('newest');
  await expect(sortSelect).not.toBeFocused();
  // Once the newest-first list is in, the cursor is on one of its items (wherever it landed).
  const newest = (await rpc<{ rows: Row[] }>(page, 'moderation:queue', { queue: 'pending', sort: 'newest', limit: 100 })).rows.filter(
    (r) => r.id !== oldest!.id,
  );
  const current = queueTable(page).locator('tbody tr.current');
  await expect
    .poll(async () => {
      const text = (await current.textContent()) ?? '';
      return newest.some((r) => text.includes(r.title));
    })
    .toBe(true);
  const at = Number(await current.getAttribute('data-index'));
  if (at > 0) {
    await page.keyboard.press('k');
    await expect(current).toHaveAttribute('data-index', String(at - 1));
  }
  const from = Math.max(0, at - 1);
  await page.keyboard.press('j');
  await expect(current).toHaveAttribute('data-index', String(from + 1));
  await expect(currentTitle(page)).toBeVisible();
  const title = (await currentTitle(page).textContent())!;
  await page.keyboard.press('a');
  await expect(page.getByRole('status').filter({ hasText: `Approved "${title}".` })).toBeVisible();
  await expect(sortSelect).toHaveValue('newest');

  // Escape in a field leaves it for the list (where k moves one row up).
  const search = page.getByRole('searchbox', { name: 'Search titles and descriptions' });
  await search.focus();
  await page.keyboard.press('Escape');
  await expect(search).not.toBeFocused();
  const before = Number(await current.getAttribute('data-index'));
  await page.keyboard.press('k');
  await expect(current).toHaveAttribute('data-index', String(before - 1));
});

test('Shift-click on a row selects the range from the current row', async ({ page }) => {
  await openQueue(page);
  const rows = queueTable(page).locator('tbody tr[data-index]');
  await rows.nth(1).locator('td.ellipsis').last().click();
  await expect(rows.nth(1)).toHaveClass(/current/);
  await rows
    .nth(4)
    .locator('td.ellipsis')
    .last()
    .click({ modifiers: ['Shift'] });
  await expect(page.getByRole('toolbar', { name: 'Bulk actions' })).toContainText('4 selected');
  for (const i of [1, 2, 3, 4]) await expect(rows.nth(i)).toHaveClass(/selected/);
  await expect(rows.nth(0)).not.toHaveClass(/selected/);
  // From a row toggled with x, Shift-click ranges from that row.
  await page.keyboard.press('Escape');
  await page.keyboard.press('x');
  await rows
    .nth(2)
    .locator('td.ellipsis')
    .last()
    .click({ modifiers: ['Shift'] });
  await expect(page.getByRole('toolbar', { name: 'Bulk actions' })).toContainText('2 selected');
});
