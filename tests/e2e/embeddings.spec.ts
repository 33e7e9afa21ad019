// A backfill on the demo workspace with the offline provider, to completion, then a video found
// by meaning.
import { expect, test } from '@playwright/test';
import { startShell, type Shell } from './browser-shell';

let shell: Shell;
test.beforeAll(async () => {
  shell = await startShell();
});
test.afterAll(async () => shell?.stop());

test('run a backfill to completion and find a video by semantic search', async ({ page }) => {
  await page.goto(shell.url);
  await page.goto(`${shell.origin}/#/embeddings`);
  await expect(page.getByRole('heading', { name: 'Embeddings', level: 1 })).toBeVisible();
  await expect(page.getByText('No backfill yet')).toBeVisible();
  const form = page.getByRole('form', { name: 'New backfill' });
  await form.getByRole('button', { name: 'Estimate' }).click();
  await expect(form.getByRole('status')).toContainText(/\d+ video\(s\) · about [\d,]+ tokens · free \(offline\)/);
  await form.getByRole('button', { name: 'Start backfill' }).click();
  const job = page.getByRole('listitem', { name: /Backfill glove-6b-100d-sif/ });
  await expect(job).toHaveAccessibleName(/done/, { timeout: 60_000 });
  await expect(job).toContainText(/\d+ done · 0 failed · 0 remaining/);

  await page.getByLabel('Search by meaning').fill('how black holes form');
  await page.getByRole('button', { name: 'Search' }).click();
  const results = page.getByRole('table', { name: 'Search results' });
  await expect(results.locator('tbody tr')).toHaveCount(10);
  await expect(results.locator('tbody tr').first()).toContainText(/black hole|stellar|neutron|galax|dark matter|Big Bang|exoplanet|astronom/i);

  // A result opens that video's review.
  const first = results.locator('tbody tr').first().getByRole('link');
  const title = (await first.textContent())!;
  await first.click();
  await expect(page).toHaveURL(/#\/video\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('complementary', { name: 'Review' }).locator('.pane-title')).toHaveText(title);
});
