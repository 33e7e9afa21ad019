// Ctrl-K finds things, not only pages: a video by its platform id or a piece of its title opens
// its review in place, a user opens their pending videos, results are grouped by kind and
// navigable by keyboard; axe-clean in both themes with results showing.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { startShell, type Shell } from './browser-shell';

let shell: Shell;
test.beforeAll(async () => {
  shell = await startShell();
});
test.afterAll(async () => shell?.stop());
test.beforeEach(async ({ page }) => {
  await page.route(/^https:\/\/(i\.ytimg\.com|vumbnail\.com)\//, (route) => route.abort());
});

async function rpc<T>(page: Page, channel: string, input: unknown): Promise<T> {
  const r = await page.request.post(`${shell.origin}/api/rpc/${channel}`, { data: input, headers: { origin: shell.origin } });
  const body = (await r.json()) as { ok: boolean; data: T; error?: { message: string } };
  if (!body.ok) throw new Error(body.error?.message);
  return body.data;
}

async function expectAxeCleanInBothThemes(page: Page) {
  for (const theme of ['light', 'dark']) {
    await page.evaluate((t) => {
      document.documentElement.dataset.theme = t;
    }, theme);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    expect(serious, `${theme} theme`).toEqual([]);
  }
}

const palette = (page: Page) => page.getByRole('dialog', { name: 'Command palette' });
const input = (page: Page) => palette(page).getByRole('combobox', { name: 'Type a command' });

test('Ctrl-K finds a video by platform id and by title and opens its review; a user opens their pending videos', async ({ page }) => {
  await page.goto(shell.url);
  // The console opens on its home page, the dashboard.
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  const [video] = (
    await rpc<{ rows: { id: string; title: string; platform_id: string; submitted_by: string | null; submitter_username: string | null }[] }>(
      page,
      'moderation:queue',
      { queue: 'pending', limit: 1, filters: { platform: 'youtube' } },
    )
  ).rows;

  // By platform id: the video is the first search result, Enter opens its review.
  await page.keyboard.press('Control+k');
  await input(page).fill(video!.platform_id);
  const videos = palette(page).getByRole('group', { name: 'Videos' });
  await expect(videos.getByRole('option').first()).toContainText(video!.title);
  await expect(videos.getByRole('option').first()).toContainText('by platform id');
  await expectAxeCleanInBothThemes(page);
  // Arrow keys walk the results; the first video is below any matching command.
  await input(page).press('Home');
  const options = palette(page).getByRole('option');
  const firstVideo = await options.evaluateAll((els, title) => els.findIndex((e) => e.textContent?.includes(title)), video!.title);
  for (let i = 0; i < firstVideo; i++) await input(page).press('ArrowDown');
  await expect(videos.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await input(page).press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/video/${video!.id}$`));
  await expect(page.getByRole('complementary', { name: 'Review' }).locator('.pane-title')).toHaveText(video!.title);

  // By a piece of the title (typed as a person types: the latest text wins).
  const piece = video!.title.split(' ').slice(0, 2).join(' ');
  await page.keyboard.press('Control+k');
  // It opens empty and focused: the previous search's text is gone before the first key lands.
  await expect(input(page)).toBeFocused();
  await expect(input(page)).toHaveValue('');
  await page.keyboard.type(piece, { delay: 20 });
  await expect(input(page)).toHaveValue(piece);
  await expect(videos.getByRole('option').filter({ hasText: piece }).first()).toBeVisible();
  for (const option of await videos.getByRole('option').all()) await expect(option).toContainText(new RegExp(piece, 'i'));
  await page.keyboard.press('Escape');

  // A user: their pending videos.
  const username = video!.submitter_username!;
  await page.keyboard.press('Control+k');
  await input(page).fill(username);
  const users = palette(page).getByRole('group', { name: 'Users' });
  await users.getByRole('option', { name: new RegExp(`^@${username}\\b`) }).click();
  await expect(page).toHaveURL(new RegExp(`submitter=${video!.submitted_by}`));
  const queue = page.getByRole('table', { name: 'Queue' });
  await expect(queue.locator('tbody tr').first()).toBeVisible();
  const shown = await rpc<{ rows: { submitted_by: string }[] }>(page, 'moderation:queue', {
    queue: 'pending',
    limit: 100,
    filters: { submitter: video!.submitted_by },
  });
  await expect(queue.locator('tbody tr')).toHaveCount(shown.rows.length);
  await expect(page.getByRole('button', { name: 'One submitter only ✕' })).toBeVisible();
  await expectAxeCleanInBothThemes(page);
});

test('Ctrl-K says when nothing matches, and what it searches', async ({ page }) => {
  await page.goto(shell.url);
  // A fresh workspace answers once its demo data is in: wait for the queue.
  await expect(page.getByRole('table', { name: 'Queue' }).locator('tbody tr').first()).toBeVisible({ timeout: 90_000 });
  await page.keyboard.press('Control+k');
  await input(page).fill('zzqqxxnothing');
  await expect(palette(page).getByRole('status')).toContainText('No video, user, tag or category matches');
  await expectAxeCleanInBothThemes(page);
});
