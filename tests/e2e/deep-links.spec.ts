// Console links in the browser shell: the paths of magna-console:// links as hash routes open
// their item (a video's review, a report group, the graph, a backfill), "Copy link" copies the
// link, a malformed or unknown link opens nothing, and a link naming another profile switches
// only after the user confirms.
import { expect, test, type Page } from '@playwright/test';
import { startShell, type Shell } from './browser-shell';

let shell: Shell;
test.beforeAll(async () => {
  shell = await startShell();
});
test.afterAll(async () => shell?.stop());

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

async function signIn(page: Page) {
  await page.goto(shell.url);
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await page.goto(`${shell.origin}/#/moderation`);
  await expect(page.getByRole('heading', { level: 1, name: 'Moderation' })).toBeVisible();
}

async function rpc<T>(page: Page, channel: string, input: unknown): Promise<T> {
  const result = await page.evaluate(
    async ([c, i]) => {
      const r = await fetch(`/api/rpc/${c}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(i) });
      return r.json() as Promise<{ ok: boolean; data: unknown }>;
    },
    [channel, input] as const,
  );
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return result.data as T;
}

/** The link a "Copy link" button carries, and its id. */
async function linkOf(page: Page, name: string | RegExp): Promise<{ link: string; id: string }> {
  const link = (await page.getByRole('button', { name }).first().getAttribute('data-link'))!;
  return { link, id: link.split('/').pop()! };
}

test('a video link opens its moderation review; Copy link copies magna-console://video/<id>', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: shell.origin });
  await signIn(page);
  const rows = page.getByRole('table', { name: 'Queue' }).locator('tbody tr');
  await rows.nth(2).click();
  const review = page.getByRole('complementary', { name: 'Review' });
  const title = (await review.locator('.pane-title').textContent())!;
  const { link, id } = await linkOf(page, 'Copy link');
  expect(link).toMatch(/^magna-console:\/\/video\/[0-9a-f-]{36}$/);
  await review.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Link copied.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

  await page.goto(`${shell.origin}/#/taxonomy`);
  await page.goto(`${shell.origin}/#/video/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Video review' })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Review' }).locator('.pane-title')).toHaveText(title);
  await expect(page.getByRole('link', { name: 'Moderation' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('toolbar', { name: 'Actions' }).getByRole('button').first()).toBeVisible();
});

test('a report link opens the reports view on that item', async ({ page }) => {
  await signIn(page);
  await page.goto(`${shell.origin}/#/moderation?tab=reports`);
  const rows = page.getByRole('table', { name: 'Reported items' }).locator('tbody tr');
  await rows.nth(3).click();
  const pane = page.getByRole('complementary', { name: 'Reported item' });
  const heading = (await pane.locator('.pane-title').textContent())!;
  const { link, id } = await linkOf(page, 'Copy link');
  expect(link).toBe(`magna-console://report/${id}`);

  await page.goto(`${shell.origin}/#/graph`);
  await page.goto(`${shell.origin}/#/report/${id}`);
  await expect(page).toHaveURL(new RegExp(`#/moderation\\?tab=reports&item=${id}$`));
  await expect(page.getByRole('complementary', { name: 'Reported item' }).locator('.pane-title')).toHaveText(heading);

  await page.goto(`${shell.origin}/#/report/${UNKNOWN}`);
  await expect(page.getByText('The linked item has no open reports')).toBeVisible();
});

test('a graph link centres the graph on that video; a job link opens the embeddings page', async ({ page }) => {
  await signIn(page);
  const queue = await rpc<{ rows: { id: string }[] }>(page, 'moderation:queue', { queue: 'pending', sort: 'oldest', filters: {}, limit: 1 });
  const id = queue.rows[0]!.id;
  await page.goto(`${shell.origin}/#/graph/${id}`);
  await expect(page).toHaveURL(new RegExp(`#/graph\\?video=${id}$`));
  expect((await linkOf(page, 'Copy link to this graph')).link).toBe(`magna-console://graph/${id}`);

  await page.goto(`${shell.origin}/#/job/${UNKNOWN}`);
  await expect(page).toHaveURL(new RegExp(`#/embeddings\\?job=${UNKNOWN}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Embeddings' })).toBeVisible();
  await expect(page.getByText("The linked backfill is not among this profile's jobs.")).toBeVisible();
});

test('a malformed link opens nothing; an unknown video says it could not be loaded', async ({ page }) => {
  await signIn(page);
  await page.goto(`${shell.origin}/#/video/not-a-uuid`);
  await expect(page.getByText('That address is not a page or an item of this console.')).toBeVisible();
  await expect(page).toHaveURL(/#\/moderation$/);
  await page.goto(`${shell.origin}/#/video/${UNKNOWN}?cmd=rm`);
  await expect(page).toHaveURL(/#\/moderation$/);
  await page.goto(`${shell.origin}/#/video/${UNKNOWN}`);
  await expect(page.getByText('Could not load the video')).toBeVisible();
});

test('a link naming another profile switches only after the user confirms', async ({ page }) => {
  await signIn(page);
  const queue = await rpc<{ rows: { id: string }[] }>(page, 'moderation:queue', { queue: 'pending', sort: 'oldest', filters: {}, limit: 1 });
  const id = queue.rows[0]!.id;
  const other = await rpc<{ id: string }>(page, 'connections:save', { kind: 'postgres', name: 'Staging copy' });
  const chip = page.getByRole('link', { name: /Active profile:/ });

  // The active profile: nothing to ask.
  await page.goto(`${shell.origin}/#/graph/${id}?profile=embedded`);
  await expect(page).toHaveURL(new RegExp(`#/graph\\?video=${id}$`));
  // A profile this console lacks: opened in the active one, and said so.
  await page.goto(`${shell.origin}/#/graph/${id}?profile=nobody-here`);
  await expect(page.getByText('This link names a profile this console does not have.')).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/graph\\?video=${id}$`));

  // Declined: stays on the local workspace.
  await page.goto(`${shell.origin}/#/graph/${id}?profile=${other.id}`);
  const dialog = page.getByRole('dialog', { name: 'Switch to Staging copy?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page).toHaveURL(new RegExp(`#/graph\\?video=${id}$`));
  await expect(chip).toHaveAccessibleName(/Local workspace/);

  // Confirmed: switched.
  await page.goto(`${shell.origin}/#/job/${UNKNOWN}?profile=${other.id}`);
  await page.getByRole('dialog', { name: 'Switch to Staging copy?' }).getByRole('button', { name: 'Switch to Staging copy' }).click();
  await expect(chip).toHaveAccessibleName(/Staging copy/);
  await expect(page).toHaveURL(new RegExp(`#/embeddings\\?job=${UNKNOWN}$`));
});
