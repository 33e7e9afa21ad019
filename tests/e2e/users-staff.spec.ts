// Users and staff in the browser shell, on the demo workspace (operator: ada_moderator, an admin):
// a staff role granted and revoked from the Users page with the staff history showing both, a
// user suspended and reinstated, a curator operator who is not offered moderation, and the page
// axe-clean in both themes.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { startShell, type Shell } from './browser-shell';

let shell: Shell;
test.beforeAll(async () => {
  shell = await startShell();
});
test.afterAll(async () => shell?.stop());

async function open(page: Page, route: string) {
  await page.goto(shell.url);
  await page.goto(`${shell.origin}/#/${route}`);
}

async function rpc<T>(page: Page, channel: string, input: unknown): Promise<T> {
  const r = await page.request.post(`${shell.origin}/api/rpc/${channel}`, { data: input, headers: { origin: shell.origin } });
  const body = (await r.json()) as { ok: boolean; data: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${channel}: ${body.error?.message}`);
  return body.data;
}

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Opens a user's detail from a search on the Users page. */
async function openUser(page: Page, username: string) {
  await page.getByRole('searchbox', { name: 'Search users' }).fill(username);
  const table = page.getByRole('table', { name: 'Users' });
  await table.getByRole('button', { name: `Open ${username}`, exact: true }).click();
  const pane = page.getByLabel(`User ${username}`);
  await expect(pane.getByRole('heading', { name: new RegExp(`@${username}`) })).toBeVisible();
  return pane;
}

test('an admin grants a staff role from the Users page and revokes it; the staff history shows both', async ({ page }) => {
  await open(page, 'users');
  const pane = await openUser(page, 'hedy_curator');
  await pane.getByLabel('Grant role').selectOption('moderator');
  await pane.getByRole('button', { name: 'Grant…' }).click();
  const grant = page.getByRole('dialog', { name: 'Grant moderator to hedy_curator?' });
  await grant.getByRole('button', { name: 'Grant role' }).click();
  await expect(grant.getByText('Say why: the reason is kept in the audit log.')).toBeVisible();
  await grant.getByLabel('Reason').fill('Covers the weekend queue');
  await grant.getByRole('button', { name: 'Grant role' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Granted moderator to hedy_curator; roles now: curator, moderator.' })).toBeVisible();
  expect((await rpc<{ roles: { role: string }[] }[]>(page, 'staff:list', {})).find((s) => s.roles.length === 2)?.roles.map((r) => r.role)).toEqual([
    'curator',
    'moderator',
  ]);

  await pane.getByRole('button', { name: 'Revoke moderator from hedy_curator' }).click();
  const revoke = page.getByRole('dialog', { name: 'Revoke moderator from hedy_curator?' });
  await revoke.getByLabel('Reason').fill('Weekend over');
  await revoke.getByRole('button', { name: 'Revoke role' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Revoked moderator from hedy_curator; roles now: curator.' })).toBeVisible();
  await expect(pane.getByRole('region', { name: 'Staff role changes' }).getByRole('listitem')).toHaveText([
    /revoke moderator by @ada_moderator — Weekend over/,
    /grant moderator by @ada_moderator — Covers the weekend queue/,
  ]);

  await page.getByRole('tab', { name: 'Staff' }).click();
  const history = page.getByRole('table', { name: 'Staff role changes' });
  await expect(history.locator('tbody tr').first()).toContainText('revoke moderator from @hedy_curator');
  await expect(history.locator('tbody tr').nth(1)).toContainText('grant moderator to @hedy_curator');
  await expect(history.locator('tbody tr').nth(1)).toContainText('Covers the weekend queue');
});

test('a user is suspended and reinstated with a reason, and their history shows both', async ({ page }) => {
  await open(page, 'users');
  const plain = (
    await rpc<{ rows: { username: string; roles: string[]; is_active: boolean }[] }>(page, 'users:page', { search: '', limit: 50 })
  ).rows.find((u) => u.roles.length === 0 && u.is_active)!;
  const pane = await openUser(page, plain.username);
  await pane.getByRole('button', { name: 'Suspend…' }).click();
  const suspend = page.getByRole('dialog', { name: `Suspend ${plain.username}?` });
  await suspend.getByLabel('Reason').fill('Spam links in comments');
  await suspend.getByRole('button', { name: 'Suspend' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${plain.username} is suspended.` })).toBeVisible();
  await expect(pane.getByText('suspended', { exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Users' }).getByText('suspended', { exact: true })).toBeVisible();

  await pane.getByRole('button', { name: 'Reinstate…' }).click();
  await page
    .getByRole('dialog', { name: `Reinstate ${plain.username}?` })
    .getByRole('button', { name: 'Reinstate' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: `${plain.username} is reinstated.` })).toBeVisible();
  await expect(pane.getByRole('region', { name: 'Moderation of this user' }).getByRole('listitem').first()).toContainText(
    'reinstate user (user) by @ada_moderator',
  );
  await expect(pane.getByRole('region', { name: 'Moderation of this user' }).getByRole('listitem').nth(1)).toContainText('Spam links in comments');
});

test('the Users page, a user and the staff tab: no serious accessibility violations in light and dark', async ({ page }) => {
  for (const theme of ['light', 'dark'] as const) {
    await page.addInitScript((t) => localStorage.setItem('magna.theme', t), theme);
    await open(page, 'users');
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await openUser(page, 'grace_moderator');
    await page.waitForLoadState('networkidle');
    expect(await axe(page), `users, ${theme}`).toEqual([]);
    await page.getByRole('tab', { name: 'Staff' }).click();
    await expect(page.getByRole('table', { name: 'Staff members' })).toBeVisible();
    expect(await axe(page), `staff, ${theme}`).toEqual([]);
    await page.goto(`${shell.origin}/#/settings`);
    await expect(page.getByText('Native notifications of urgent work')).toBeVisible();
    expect(await axe(page), `settings, ${theme}`).toEqual([]);
  }
});

test('a curator operator is not offered moderation, and a link to it says which role it needs', async ({ page }) => {
  await page.goto(shell.url);
  const { profiles, activeId } = await rpc<{ profiles: { id: string }[]; activeId: string }>(page, 'connections:list', {});
  const hedy = (await rpc<{ id: string; username: string }[]>(page, 'moderation:operators', { search: 'hedy' })).find(
    (o) => o.username === 'hedy_curator',
  )!;
  expect(profiles.some((p) => p.id === activeId)).toBe(true);
  await rpc(page, 'connections:set-operator', { id: activeId, operatorId: hedy.id });
  try {
    // Picked outside the page (as another window would): the page reads it on load.
    await page.goto(`${shell.origin}/#/taxonomy`);
    await page.reload();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Taxonomy' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Graph' })).toBeVisible();
    for (const hidden of ['Moderation', 'Users', 'Embeddings', 'Migrations']) await expect(nav.getByRole('link', { name: hidden })).toHaveCount(0);
    await page.keyboard.press('Control+k');
    await page.keyboard.type('Go to');
    await expect(page.getByRole('option', { name: /Go to Moderation/ })).toHaveCount(0);
    await expect(page.getByRole('option', { name: /Go to Taxonomy/ })).toHaveCount(1);
    await page.keyboard.press('Escape');

    await page.goto(`${shell.origin}/#/moderation`);
    await expect(
      page.getByText('Moderation needs the moderator role; you are acting as hedy_curator (curator). An admin can grant it on the Users page.'),
    ).toBeVisible();
    expect(await axe(page)).toEqual([]);
  } finally {
    await rpc(page, 'connections:set-operator', { id: activeId, operatorId: null });
  }
});
