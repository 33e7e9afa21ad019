// The reference graph in the browser shell: link two videos by dragging, see a prerequisite cycle
// refused with its path, import a CSV (dry run first).
import { expect, test, type Page } from '@playwright/test';
import { startShell, type Shell } from './browser-shell';

let shell: Shell;
test.beforeAll(async () => {
  shell = await startShell();
});
test.afterAll(async () => shell?.stop());

async function rpc<T>(page: Page, channel: string, input: unknown): Promise<T> {
  const r = await page.request.post(`${shell.origin}/api/rpc/${channel}`, { data: input, headers: { origin: shell.origin } });
  const body = (await r.json()) as { ok: boolean; data: T; error?: { message: string } };
  if (!body.ok) throw new Error(body.error?.message);
  return body.data;
}

/** Two linked demo videos: the first exported link's ends, as {id, title, url}. */
async function pair(page: Page) {
  await page.goto(shell.url);
  const { csv } = await rpc<{ csv: string }>(page, 'graph:export', { videoId: null });
  const [sourceUrl, targetUrl] = csv.split('\r\n')[1]!.split(',');
  const [a] = await rpc<{ id: string; title: string; url: string }[]>(page, 'graph:find', { query: sourceUrl });
  const [b] = await rpc<{ id: string; title: string; url: string }[]>(page, 'graph:find', { query: targetUrl });
  return { a: a!, b: b! };
}

const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

async function drag(page: Page, from: string, to: string) {
  await node(page, from).locator('.react-flow__handle.source').dragTo(node(page, to).locator('.react-flow__handle.target'));
}

test('link two videos by dragging, then see a prerequisite cycle refused with its path', async ({ page }) => {
  const { a, b } = await pair(page);
  await page.goto(`${shell.origin}/#/graph?video=${a.id}&hops=1`);
  await expect(node(page, b.id)).toBeVisible();
  const before = (await rpc<{ edges: unknown[] }>(page, 'graph:neighbourhood', { videoId: a.id, hops: 1 })).edges.length;

  await drag(page, a.id, b.id);
  let dialog = page.getByRole('dialog', { name: 'New link' });
  await dialog.getByLabel('Type').selectOption('prerequisite');
  await dialog.getByLabel('Moment in the source video (optional)').fill('1:00');
  await dialog.getByRole('button', { name: 'Create link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link created.' })).toBeVisible();
  await expect
    .poll(async () => (await rpc<{ edges: unknown[] }>(page, 'graph:neighbourhood', { videoId: a.id, hops: 1 })).edges.length)
    .toBe(before + 1);

  // b requires a would close the loop a -> b -> a.
  await drag(page, b.id, a.id);
  dialog = page.getByRole('dialog', { name: 'New link' });
  await dialog.getByLabel('Type').selectOption('prerequisite');
  await dialog.getByRole('button', { name: 'Create link' }).click();
  await expect(dialog.getByRole('alert')).toContainText(`would close a cycle: "${a.title}" -> "${b.title}" -> "${a.title}"`);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('import a CSV: a dry run shows each row, a bad row blocks the whole file, a good file applies', async ({ page }) => {
  const { a, b } = await pair(page);
  await page.goto(`${shell.origin}/#/graph?video=${a.id}`);
  await page.getByRole('tab', { name: 'CSV' }).click();
  const file = page.getByLabel('Import links (columns: source, target, type, note, timestamp)');

  await file.setInputFiles({
    name: 'bad.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      `source,target,type,note,timestamp\n${b.url},${a.url},response,From CSV,0:30\nhttps://nowhere.example/v/1,${a.url},related,,\n`,
    ),
  });
  await page.getByRole('button', { name: 'Dry run' }).click();
  const status = page.getByRole('status').filter({ hasText: 'Dry run:' });
  await expect(status).toContainText('1 row(s) would be created, 1 have problems. Nothing was written.');
  await expect(status.getByRole('row', { name: /^3 error/ })).toContainText('Unknown source video "https://nowhere.example/v/1"');
  await expect(page.getByRole('button', { name: 'Apply' })).toBeDisabled();

  await file.setInputFiles({
    name: 'good.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`source,target,type,note,timestamp\n${b.url},${a.url},response,From CSV,0:30\n`),
  });
  await page.getByRole('button', { name: 'Dry run' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Dry run: 1 row(s) would be created, 0 have problems.' })).toBeVisible();
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Applied: 1 link(s) created.' })).toBeVisible();
  const hood = await rpc<{ edges: { type: string; note: string | null; timestamp_seconds: number | null }[] }>(page, 'graph:neighbourhood', {
    videoId: a.id,
    hops: 1,
  });
  expect(hood.edges).toContainEqual(expect.objectContaining({ type: 'response', note: 'From CSV', timestamp_seconds: 30 }));
});
