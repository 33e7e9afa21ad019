// The reference graph in the browser shell: link two videos by dragging, see a prerequisite cycle
// refused with its path, import a CSV (dry run first, then again skipping what exists), a view
// that opens fitted with a working minimap and folded far videos, learning paths of approved
// videos only, the link dialog read as a sentence; axe clean in light and dark.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
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

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

/** `count` videos of a status, from the `skip`-th (a different slice per test keeps tests apart). */
async function videosOf(page: Page, status: 'approved' | 'rejected', skip: number, count: number) {
  const { rows } = await rpc<{ rows: { id: string; title: string }[] }>(page, 'taxonomy:videos', { status, limit: skip + count });
  expect(rows.length).toBe(skip + count);
  return rows.slice(skip);
}

/** Links made through the CSV import (skipping those that exist, so a retried test still runs). */
async function importLinks(page: Page, links: [string, string, string][]) {
  const csv = ['source,target,type', ...links.map((l) => l.join(','))].join('\n');
  const r = await rpc<{ applied: boolean; failed: number }>(page, 'graph:import', { csv, dryRun: false, skipExisting: true });
  expect(r).toMatchObject({ applied: true, failed: 0 });
}

/** Every card lies inside the canvas (the view was fitted to them). */
async function cardsInside(page: Page): Promise<boolean> {
  const pane = (await page.locator('.graph-canvas .react-flow').boundingBox())!;
  const boxes = await page.locator('.react-flow__node').evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, right: r.right, bottom: r.bottom, width: r.width };
    }),
  );
  return (
    boxes.length > 0 &&
    boxes.every(
      (b) => b.width > 0 && b.x >= pane.x - 1 && b.y >= pane.y - 1 && b.right <= pane.x + pane.width + 1 && b.bottom <= pane.y + pane.height + 1,
    )
  );
}

const background = (l: Locator) => l.evaluate((e) => getComputedStyle(e).backgroundColor);

for (const scheme of ['light', 'dark'] as const) {
  test(`${scheme}: a 3-hop view opens fitted, far videos folded into "+N more", a minimap in status colours, themed controls, axe clean`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(shell.url);
    const [f, a, b, ...far] = await videosOf(page, 'approved', 0, 7);
    await importLinks(page, [
      [f!.id, a!.id, 'related'],
      [a!.id, b!.id, 'related'],
      ...far.map((c): [string, string, string] => [b!.id, c.id, 'related']),
    ]);
    await page.goto(`${shell.origin}/#/graph?video=${f!.id}&hops=3`);
    await expect(node(page, f!.id)).toBeVisible();

    // b leads to at least the four far videos (the demo links may add more): one folded card.
    // (When the view is crowded, b itself starts folded under a: opening a shows it.)
    const moreOf = (v: { title: string }) =>
      page.getByRole('button', { name: new RegExp(`^Show \\d+ more videos linked to “${v.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}”$`) });
    const more = moreOf(b!);
    await expect(moreOf(a!).or(more).first()).toBeVisible();
    // Opened fitted and readable: every card inside the canvas, drawn at 60 % of its size or more.
    await expect.poll(() => cardsInside(page)).toBe(true);
    expect((await node(page, f!.id).boundingBox())!.width).toBeGreaterThanOrEqual(0.6 * 220);
    if (await moreOf(a!).isVisible()) await moreOf(a!).click();
    await expect(more).toBeVisible();
    expect(Number(/Show (\d+)/.exec((await more.getAttribute('aria-label'))!)![1])).toBeGreaterThanOrEqual(far.length);
    const hood = await rpc<{ nodes: { id: string; depth: number }[] }>(page, 'graph:neighbourhood', { videoId: f!.id, hops: 3 });
    const folded = far.filter((c) => hood.nodes.find((n) => n.id === c.id)?.depth === 3);
    expect(folded.length).toBeGreaterThan(1);
    for (const c of folded) await expect(node(page, c.id)).toHaveCount(0);
    await expect.poll(() => cardsInside(page)).toBe(true);

    // The minimap draws every card, in the colour of its status (approved: the theme's "ok").
    const cards = await page.locator('.react-flow__node').count();
    await expect(page.locator('.react-flow__minimap-node')).toHaveCount(cards);
    const ok = await page.evaluate(() => {
      const probe = Object.assign(document.createElement('span'), { style: 'color: var(--ok)' });
      document.body.append(probe);
      const c = getComputedStyle(probe).color;
      probe.remove();
      return c;
    });
    const fills = await page.locator('.react-flow__minimap-node').evaluateAll((els) => els.map((e) => getComputedStyle(e).fill));
    expect(fills).toContain(ok);
    // Controls and minimap in the console's panel colours, not React Flow's white boxes.
    const panel = await background(page.getByRole('complementary', { name: 'Graph details' }));
    expect(await background(page.locator('.react-flow__controls-button').first())).toBe(panel);
    expect(await background(page.locator('.react-flow__minimap'))).not.toBe('rgb(255, 255, 255)');
    expect(await axe(page)).toEqual([]);

    // Opening the folded videos shows them all, fitted again.
    await more.click();
    for (const c of folded) await expect(node(page, c.id)).toBeVisible();
    await expect(more).toHaveCount(0);
    await expect.poll(() => cardsInside(page)).toBe(true);
    expect(await axe(page)).toEqual([]);
  });
}

test('a learning path lists approved videos only, and a rejected video cannot head one', async ({ page }) => {
  await page.goto(shell.url);
  const [top, deep] = await videosOf(page, 'approved', 10, 2);
  const [rejected] = await videosOf(page, 'rejected', 0, 1);
  // top requires rejected, which requires deep: deep stays in the path, rejected never appears.
  await importLinks(page, [
    [top!.id, rejected!.id, 'prerequisite'],
    [rejected!.id, deep!.id, 'prerequisite'],
  ]);
  await page.goto(`${shell.origin}/#/graph?video=${top!.id}&hops=1`);
  await page.getByRole('tab', { name: 'Requires' }).click();
  await expect(page.getByRole('tabpanel').getByRole('button', { name: rejected!.title })).toBeVisible();
  await page.getByRole('tab', { name: 'Learning path' }).click();
  const path = page.getByRole('tabpanel').locator('ol.timeline li');
  await expect(path.last()).toHaveText(top!.title);
  await expect(path.filter({ hasText: deep!.title })).toHaveCount(1);
  await expect(path.filter({ hasText: rejected!.title })).toHaveCount(0);
  // Every video listed is approved (the demo adds deep's own prerequisites, of every status).
  const listed = await rpc<{ id: string }[]>(page, 'graph:learning-path', { videoId: top!.id });
  const chain = await rpc<{ id: string; moderation_status: string }[]>(page, 'graph:chain', { videoId: top!.id, direction: 'requires' });
  expect(chain.some((c) => c.moderation_status !== 'approved')).toBe(true);
  for (const v of listed.slice(0, -1)) expect(chain.find((c) => c.id === v.id)?.moderation_status).toBe('approved');
  await expect(path).toHaveCount(listed.length);
  expect(await axe(page)).toEqual([]);

  await page.goto(`${shell.origin}/#/graph?video=${rejected!.id}&hops=1`);
  await page.getByRole('tab', { name: 'Learning path' }).click();
  await expect(page.getByRole('tabpanel').getByRole('alert')).toContainText(
    `Only an approved video can head a learning path: "${rejected!.title}" is rejected.`,
  );
});

test('import the same CSV twice, skipping links that already exist; long messages wrap in the side panel', async ({ page }) => {
  const { a, b } = await pair(page);
  await page.goto(`${shell.origin}/#/graph?video=${a.id}`);
  await page.getByRole('tab', { name: 'CSV' }).click();
  const file = page.getByLabel('Import links (columns: source, target, type, note, timestamp)');
  // The first exported link (it exists) and a new one.
  await file.setInputFiles({
    name: 'links.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`source,target,type,note,timestamp\n${a.url},${b.url},${await typeOf(page, a.id, b.id)},,\n${b.url},${a.url},cited,Again,\n`),
  });
  await page.getByRole('button', { name: 'Dry run' }).click();
  let status = page.getByRole('status').filter({ hasText: 'Dry run:' });
  await expect(status).toContainText('1 row(s) would be created, 1 have problems.');
  await expect(status).toContainText('tick “Skip links that already exist”');
  const message = status
    .getByRole('row', { name: /^2 error/ })
    .getByRole('cell')
    .last();
  await expect(message).toContainText('already have a');
  expect(await message.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);

  await page.getByLabel('Skip links that already exist (same videos and type)').check();
  await expect(status).toHaveCount(0);
  await page.getByRole('button', { name: 'Dry run' }).click();
  status = page.getByRole('status').filter({ hasText: 'Dry run:' });
  await expect(status).toContainText('1 row(s) would be created, 0 have problems, 1 would be skipped (already exist). Nothing was written.');
  await expect(status.getByRole('row', { name: /^2 skipped/ })).toContainText('This link already exists: skipped.');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Applied: 1 link(s) created, 1 skipped (already exist).' })).toBeVisible();

  // The same file again: nothing new, nothing failed.
  await page.getByRole('button', { name: 'Dry run' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Dry run: 0 row(s) would be created, 0 have problems, 2 would be skipped' })).toBeVisible();
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Applied: 0 link(s) created, 2 skipped (already exist).' })).toBeVisible();
  const hood = await rpc<{ edges: { source: string; target: string; type: string }[] }>(page, 'graph:neighbourhood', { videoId: a.id, hops: 1 });
  expect(hood.edges.filter((e) => e.source === b.id && e.target === a.id && e.type === 'cited')).toHaveLength(1);
  expect(await axe(page)).toEqual([]);
});

/** The type of the link from `source` to `target`. */
async function typeOf(page: Page, source: string, target: string): Promise<string> {
  const hood = await rpc<{ edges: { source: string; target: string; type: string }[] }>(page, 'graph:neighbourhood', { videoId: source, hops: 1 });
  return hood.edges.find((e) => e.source === source && e.target === target)!.type;
}

test('the link dialog reads as one sentence that follows the type and the swap button', async ({ page }) => {
  const { a, b } = await pair(page);
  await page.goto(`${shell.origin}/#/graph?video=${a.id}&hops=1`);
  await expect(node(page, a.id)).toBeVisible();
  await page.getByRole('button', { name: 'Add link' }).click();
  const dialog = page.getByRole('dialog', { name: 'New link' });
  const sentence = dialog.getByLabel('The link reads');
  await expect(sentence).toHaveText(`Pick the other video: “${a.title}” related …`);
  await dialog.getByLabel('To (the other video: title, URL or id)').fill(b.url);
  await dialog.getByRole('button', { name: b.title }).click();
  await expect(sentence).toHaveText(`“${a.title}” is related to “${b.title}”.`);
  await dialog.getByLabel('Type').selectOption('prerequisite');
  await expect(sentence).toHaveText(`“${a.title}” requires “${b.title}” (watch “${b.title}” first).`);
  await dialog.getByRole('button', { name: 'Swap direction' }).click();
  await expect(sentence).toHaveText(`“${b.title}” requires “${a.title}” (watch “${a.title}” first).`);
  await expect(dialog.getByLabel('From (the other video: title, URL or id)')).toBeVisible();
  expect(await axe(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});
