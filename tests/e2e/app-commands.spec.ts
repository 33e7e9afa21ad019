// The console's commands — the ones the desktop app's native menu sends — in the palette of the
// browser shell: About (version, schema version, data folder, profile), keyboard shortcuts,
// theme, pages, search, reload data.
import { expect, test, type Page } from '@playwright/test';
import { startShell, type Shell } from './browser-shell';

let shell: Shell;
test.beforeAll(async () => {
  shell = await startShell();
});
test.afterAll(async () => shell?.stop());

async function command(page: Page, text: string) {
  await page.keyboard.press('Control+k');
  const input = page.getByRole('combobox', { name: 'Type a command' });
  await input.fill(text);
  await input.press('Enter');
}

test("the palette runs the menu's commands", async ({ page }) => {
  await page.goto(shell.url);
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();

  await command(page, 'About');
  const about = page.getByRole('dialog', { name: 'About Magna Galactica Console' });
  await expect(about.getByRole('row', { name: /Version/ })).toContainText(/\d+\.\d+\.\d+ \(browser shell/);
  await expect(about.getByRole('row', { name: /Schema version/ })).toContainText(/\d{14}/);
  await expect(about.getByRole('row', { name: /Data folder/ })).toContainText(shell.dataDir);
  await expect(about.getByRole('row', { name: /Profile/ })).toContainText('Local workspace (embedded)');
  await about.getByRole('button', { name: 'Close' }).click();

  await page.keyboard.press('F1');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Command palette');
  await page.keyboard.press('Escape');

  const theme = await page.evaluate(() => document.documentElement.dataset.theme);
  await command(page, 'theme');
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).not.toBe(theme);

  await command(page, 'Go to Graph');
  await expect(page.getByRole('heading', { level: 1, name: 'Reference graph' })).toBeVisible();
  await command(page, 'Search on this page');
  await expect(page.getByRole('searchbox', { name: 'Find a video by title' })).toBeFocused();
  await command(page, 'Reload data');
  await expect(page.getByText('Data reloaded.')).toBeVisible();
});
