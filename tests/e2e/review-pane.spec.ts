// Everything for a decision in one pane, in the browser shell: the video plays inside the console
// through the privacy-enhanced player only (and the CSP refuses any other frame host), a context
// note's timestamp seeks it, and an approve that will close open reports says so first and
// afterwards says what it closed. Every state is axe-clean in both themes. The players' pages are
// served by the test (no request leaves the machine).
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { startShell, type Shell } from './browser-shell';

let shell: Shell;
test.beforeAll(async () => {
  shell = await startShell();
});
test.afterAll(async () => shell?.stop());

test.beforeEach(async ({ page }) => {
  // Stand-ins for the players and thumbnails: what the console asks for is what the test checks.
  await page.route(/^https:\/\/(www\.youtube-nocookie\.com|player\.vimeo\.com)\//, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><html lang="en"><title>Player</title><main>player</main></html>' }),
  );
  await page.route(/^https:\/\/(i\.ytimg\.com|vumbnail\.com)\//, (route) => route.abort());
});

async function rpc<T>(page: Page, channel: string, input: unknown): Promise<T> {
  const r = await page.request.post(`${shell.origin}/api/rpc/${channel}`, { data: input, headers: { origin: shell.origin } });
  const body = (await r.json()) as { ok: boolean; data: T; error?: { message: string } };
  if (!body.ok) throw new Error(body.error?.message);
  return body.data;
}

/** No serious or critical axe violation, in the light and the dark theme. */
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

const pane = (page: Page) => page.getByRole('complementary', { name: 'Review' });

test('the review pane plays the video through youtube-nocookie, muted, sandboxed; the CSP frames only the privacy hosts', async ({ page }) => {
  const response = await page.goto(shell.url);
  const csp = response!.headers()['content-security-policy']!;
  expect(csp.split('; ').find((d) => d.startsWith('frame-src'))).toBe('frame-src https://www.youtube-nocookie.com https://player.vimeo.com');
  expect(csp.split('; ').find((d) => d.startsWith('img-src'))).toBe("img-src 'self' data: https://i.ytimg.com https://vumbnail.com");
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toContain(
    'frame-src https://www.youtube-nocookie.com https://player.vimeo.com;',
  );

  await page.goto(`${shell.origin}/#/moderation?platform=youtube`);
  // The first page of a fresh workspace waits for the demo data to load.
  await expect(page.getByRole('table', { name: 'Queue' }).locator('tbody tr.current')).toHaveCount(1, { timeout: 90_000 });
  const [first] = (
    await rpc<{ rows: { id: string; title: string; platform_id: string }[] }>(page, 'moderation:queue', {
      queue: 'pending',
      limit: 1,
      filters: { platform: 'youtube' },
    })
  ).rows;
  await expect(pane(page).locator('.pane-title')).toHaveText(first!.title);
  // Nothing is asked of YouTube until the moderator plays it.
  await expect(pane(page).locator('iframe')).toHaveCount(0);
  await expectAxeCleanInBothThemes(page);

  await pane(page).getByRole('button', { name: 'Play here (muted)' }).click();
  const player = pane(page).frameLocator(`iframe[title="Player: ${first!.title.replaceAll('"', '\\"')}"]`);
  await expect(player.locator('main')).toHaveText('player');
  const frame = pane(page).locator('iframe');
  const src = new URL((await frame.getAttribute('src'))!);
  expect(src.origin + src.pathname).toBe(`https://www.youtube-nocookie.com/embed/${first!.platform_id}`);
  expect(src.searchParams.get('mute')).toBe('1');
  expect(await frame.getAttribute('sandbox')).toBe('allow-scripts allow-same-origin allow-presentation');
  await expectAxeCleanInBothThemes(page);

  // Any other host is refused by the policy, youtube.com itself included.
  const refused = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => resolve(`${e.effectiveDirective} ${e.blockedURI}`), { once: true });
        const f = document.createElement('iframe');
        f.src = 'https://www.youtube.com/embed/abc';
        document.body.append(f);
      }),
  );
  expect(refused).toBe('frame-src https://www.youtube.com');
});

test("a context note's timestamp plays the note's video from that time", async ({ page }) => {
  type Note = { id: string; video_id: string; title: string | null; content: string; timestamp_seconds: number | null };
  await page.goto(shell.url);
  const notes = (await rpc<{ rows: Note[] }>(page, 'moderation:contexts-queue', { limit: 500 })).rows;
  const withTime: Note[] = [];
  for (const n of notes.filter((x) => x.timestamp_seconds !== null && x.timestamp_seconds > 0)) {
    const r = await rpc<{ video: { platform: string } }>(page, 'moderation:review', { videoId: n.video_id });
    if (r.video.platform === 'youtube') withTime.push(n);
    if (withTime.length) break;
  }
  expect(withTime.length, 'the demo data has a timed note on a YouTube video').toBe(1);
  const note = withTime[0]!;
  await page.goto(`${shell.origin}/#/moderation?tab=contexts`);
  const table = page.getByRole('table', { name: 'Context notes' });
  await table
    .locator('tbody tr')
    .filter({ hasText: (note.title ?? note.content).slice(0, 30) })
    .first()
    .click();
  const side = page.getByRole('complementary', { name: 'Context note' });
  await side.getByRole('button', { name: /^▶ Play at / }).click();
  const src = new URL((await side.locator('iframe').getAttribute('src'))!);
  expect(src.origin).toBe('https://www.youtube-nocookie.com');
  expect(src.searchParams.get('start')).toBe(String(note.timestamp_seconds));
  expect(src.searchParams.get('mute')).toBe('1');
  await expectAxeCleanInBothThemes(page);
});

test('approving a reported video says first how many reports of which kinds it closes, then what it closed', async ({ page }) => {
  await page.goto(shell.url);
  const flagged = (
    await rpc<{ rows: { id: string; title: string; open_report_count: number }[] }>(page, 'moderation:queue', {
      queue: 'flagged',
      sort: 'most_reported',
      limit: 5,
    })
  ).rows.find((r) => r.open_report_count > 0);
  expect(flagged, 'the demo data has a flagged video with open reports').toBeDefined();
  const before = await rpc<{ reports: { reason: string }[] }>(page, 'moderation:review', { videoId: flagged!.id });
  const counts = new Map<string, number>();
  for (const r of before.reports) counts.set(r.reason, (counts.get(r.reason) ?? 0) + 1);
  const n = before.reports.length;

  await page.goto(`${shell.origin}/#/video/${flagged!.id}`);
  const warning = pane(page).getByRole('note').filter({ hasText: 'Approving closes' });
  await expect(warning).toContainText(`Approving closes ${n} open report${n === 1 ? '' : 's'}:`);
  for (const [reason, count] of counts) await expect(warning).toContainText(`${count} ${reason.replaceAll('_', ' ')}`);
  await expect(pane(page).getByRole('button', { name: /^Approve/ })).toHaveAccessibleDescription(/Approving closes/);
  await expectAxeCleanInBothThemes(page);

  await pane(page)
    .getByRole('button', { name: /^Approve/ })
    .click();
  await expect(page.getByRole('status').filter({ hasText: `Closed ${n} open report` })).toBeVisible();
  const after = await rpc<{ video: { moderation_status: string }; reports: unknown[]; timeline: { action: string }[] }>(page, 'moderation:review', {
    videoId: flagged!.id,
  });
  expect(after.video.moderation_status).toBe('approved');
  expect(after.reports).toEqual([]);
  await expectAxeCleanInBothThemes(page);
});

test('at 3,000 tags the applied tags all show first, and the type-ahead finds and adds any tag', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto(shell.url);
  // 3,000 tags more (the workspace's own come on top), two of them applied to a video — late in
  // the alphabet, where the old 60-tag list never reached.
  const created: { id: number; name: string }[] = [];
  for (let start = 0; start < 3000; start += 50) {
    const batch = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        rpc<{ id: number; name: string }>(page, 'taxonomy:save-tag', { name: `zz load ${String(start + i).padStart(4, '0')}` }),
      ),
    );
    created.push(...batch);
  }
  const [video] = (
    await rpc<{ rows: { id: string; title: string; updated_at: string; category_id: number | null }[] }>(page, 'moderation:queue', {
      queue: 'pending',
      limit: 1,
    })
  ).rows;
  const before = await rpc<{ video: { tags: { id: number; name: string }[]; updated_at: string; category_id: number | null } }>(
    page,
    'moderation:review',
    {
      videoId: video!.id,
    },
  );
  const applied = [...before.video.tags, created[2998]!, created[2999]!];
  await rpc(page, 'moderation:update-metadata', {
    videoId: video!.id,
    expectedUpdatedAt: before.video.updated_at,
    categoryId: before.video.category_id,
    tagIds: applied.map((t) => t.id),
  });

  await page.goto(`${shell.origin}/#/video/${video!.id}`);
  const chips = pane(page).getByRole('list', { name: 'Applied tags' }).getByRole('listitem');
  await expect(chips).toHaveCount(applied.length);
  for (const t of applied) await expect(chips.filter({ hasText: t.name })).toBeVisible();
  await expect(pane(page).getByText(`Tags (${applied.length})`)).toBeVisible();
  await expectAxeCleanInBothThemes(page);

  // Type-ahead: the server finds a tag among thousands; Enter adds the highlighted one.
  const add = pane(page).getByRole('combobox', { name: 'Add a tag' });
  await add.fill('zz load 1234');
  await expect(pane(page).getByRole('listbox', { name: 'Matching tags' }).getByRole('option').first()).toContainText('zz load 1234');
  await expectAxeCleanInBothThemes(page);
  await add.press('Enter');
  await expect(chips.filter({ hasText: 'zz load 1234' })).toBeVisible();
  await expect(add).toHaveValue('');
  await pane(page).getByRole('button', { name: 'Save category and tags' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Category and tags saved.' })).toBeVisible();
  const after = await rpc<{ video: { tags: { name: string }[] } }>(page, 'moderation:review', { videoId: video!.id });
  expect(after.video.tags.map((t) => t.name)).toEqual(expect.arrayContaining(['zz load 1234', 'zz load 2998', 'zz load 2999']));
  expect(after.video.tags).toHaveLength(applied.length + 1);
});

test('Reports filtered by reason show only items with such a report, keep the filter in the URL, and show the video', async ({ page }) => {
  await page.goto(shell.url);
  type Group = { target_id: string; target_type: string; reasons: string[]; target: { title?: string } | null };
  const all = (await rpc<{ rows: Group[] }>(page, 'moderation:reports', { limit: 500 })).rows;
  const reason = all.flatMap((g) => g.reasons).find((r) => all.some((g) => !g.reasons.includes(r)))!;
  const matching = (await rpc<{ rows: Group[] }>(page, 'moderation:reports', { limit: 500, reason })).rows;
  expect(matching.length).toBeGreaterThan(0);
  expect(matching.length).toBeLessThan(all.length);

  await page.goto(`${shell.origin}/#/moderation?tab=reports`);
  const table = page.getByRole('table', { name: 'Reported items' });
  await expect(table.locator('tbody tr').first()).toBeVisible({ timeout: 60_000 });
  await page.getByRole('search', { name: 'Report filters' }).getByLabel('Reason').selectOption(reason);
  await expect(page).toHaveURL(new RegExp(`reason=${reason}`));
  await expect(table.locator('tbody tr')).toHaveCount(Math.min(matching.length, 100));
  for (const row of await table.locator('tbody tr').all()) await expect(row).toContainText(reason.replaceAll('_', ' '));
  await expectAxeCleanInBothThemes(page);

  // A reported video: its preview, submitter, description and link beside the decision.
  const video = matching.find((g) => g.target_type === 'video');
  if (video) {
    await table.locator('tbody tr').filter({ hasText: video.target!.title! }).first().click();
    const side = page.getByRole('complementary', { name: 'Reported item' });
    await expect(side.getByRole('region', { name: 'Video' })).toBeVisible();
    await expect(side.getByRole('button', { name: /^Open on / })).toBeVisible();
    await expectAxeCleanInBothThemes(page);
  }
});

test('Context notes filtered by kind show only that kind and keep it in the URL', async ({ page }) => {
  await page.goto(shell.url);
  const all = (await rpc<{ rows: { context_type: string }[] }>(page, 'moderation:contexts-queue', { limit: 500 })).rows;
  const kind = all[0]!.context_type;
  const matching = (await rpc<{ rows: unknown[] }>(page, 'moderation:contexts-queue', { limit: 500, kind })).rows;
  expect(matching.length).toBeLessThan(all.length);
  await page.goto(`${shell.origin}/#/moderation?tab=contexts`);
  const table = page.getByRole('table', { name: 'Context notes' });
  await expect(table.locator('tbody tr').first()).toBeVisible({ timeout: 60_000 });
  await page.getByRole('search', { name: 'Context note filters' }).getByLabel('Kind').selectOption(kind);
  await expect(page).toHaveURL(new RegExp(`kind=${kind}`));
  await expect(table.locator('tbody tr')).toHaveCount(Math.min(matching.length, 100));
  for (const row of await table.locator('tbody tr').all()) await expect(row.locator('.badge').first()).toHaveText(kind);
  await expectAxeCleanInBothThemes(page);
});
