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

test('the palette closed and opened again at once stays open (the first close event comes a task later)', async ({ page }) => {
  await page.goto(shell.url);
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('combobox', { name: 'Type a command' })).toBeFocused();
  // Ctrl-K twice within one task: the second opens the palette before the browser delivers the
  // close event of the first; that late event must not shut the reopened palette.
  const open = await page.evaluate(async () => {
    const ctrlK = () => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', ctrlKey: true, bubbles: true }));
    const palette = document.querySelector<HTMLDialogElement>('dialog.palette')!;
    ctrlK();
    // Let React commit the close (the dialog's close() queues its close event as a task).
    for (let i = 0; i < 1000 && palette.open; i++) await Promise.resolve();
    if (palette.open) return 'the first Ctrl-K did not close it within microtasks';
    ctrlK();
    await new Promise((resolve) => setTimeout(resolve, 100));
    return palette.open;
  });
  expect(open).toBe(true);
  await expect(page.getByRole('combobox', { name: 'Type a command' })).toBeVisible();
});
