// Issue 13's walkthrough, scripted: a moderator and curator on one fresh workspace makes 20
// decisions at 20 ms between keys (approve: 1 key, templated reject: 3), undoes the last one at the
// same speed, flags a Shift-click range, keeps a reported item, finds a video with Ctrl-K, links
// two videos on the graph and merges two tags. Then the database holds exactly those changes, the
// activity log has exactly their entries (the undo as the console records it), and the screen
// agrees; every state reached is axe-clean in both themes.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { startShell, type Shell } from './browser-shell';

let shell: Shell;
test.beforeAll(async () => {
  shell = await startShell();
});
test.afterAll(async () => shell?.stop());
test.beforeEach(async ({ page }) => {
  // Thumbnails would be fetched from the platforms: nothing leaves the machine.
  await page.route(/^https:\/\/(i\.ytimg\.com|vumbnail\.com)\//, (route) => route.abort());
});

async function rpc<T>(page: Page, channel: string, input: unknown): Promise<T> {
  const r = await page.request.post(`${shell.origin}/api/rpc/${channel}`, { data: input, headers: { origin: shell.origin } });
  const body = (await r.json()) as { ok: boolean; data: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${channel}: ${body.error?.message}`);
  return body.data;
}

/** No serious or critical axe violation, in the light and the dark theme (back to light after). */
async function expectAxeClean(page: Page, state: string) {
  for (const theme of ['light', 'dark']) {
    await page.evaluate((t) => {
      document.documentElement.dataset.theme = t;
    }, theme);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    expect(serious, `${state}, ${theme} theme`).toEqual([]);
  }
  await page.evaluate(() => {
    document.documentElement.dataset.theme = 'light';
  });
}

type Row = { id: string; title: string; submitted_by: string | null; moderation_status: string };
type Activity = { domain: string; action: string; target_id: string; target: string | null; operator: string; summary: string | null };

/** Every pending video, oldest first (the queue's default order). */
async function pendingVideos(page: Page): Promise<Row[]> {
  const all: Row[] = [];
  let cursor: unknown = null;
  do {
    const r = await rpc<{ rows: Row[]; next_cursor: unknown }>(page, 'moderation:queue', { queue: 'pending', limit: 100, cursor });
    all.push(...r.rows);
    cursor = r.next_cursor;
  } while (cursor);
  return all;
}

async function activity(page: Page): Promise<Activity[]> {
  return (await rpc<{ rows: Activity[] }>(page, 'activity:list', { limit: 1000 })).rows;
}

/** Entries per "domain action", for comparing whole logs. */
const tally = (rows: readonly Activity[]) => {
  const t: Record<string, number> = {};
  for (const r of rows) t[`${r.domain} ${r.action}`] = (t[`${r.domain} ${r.action}`] ?? 0) + 1;
  return t;
};

const review = (page: Page, id: string) =>
  rpc<{ video: { moderation_status: string; moderation_notes: string | null }; reports: unknown[] }>(page, 'moderation:review', { videoId: id });

const GAP_MS = 20;

test('the walkthrough ends with exactly the intended changes in the database and the audit log, and the screen agrees', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto(shell.url);
  await page.goto(`${shell.origin}/#/moderation`);
  const queue = page.getByRole('table', { name: 'Queue' });
  // The first page of a fresh workspace waits for the demo data to load.
  await expect(queue.locator('tbody tr.current')).toHaveCount(1, { timeout: 90_000 });
  const pane = page.getByRole('complementary', { name: 'Review' });

  // 1. Before.
  const [me] = await rpc<{ id: string; username: string }[]>(page, 'moderation:operators', { search: 'ada_moderator' });
  const pendingBefore = await pendingVideos(page);
  const countsBefore = await rpc<{ pending: number; flagged: number; reports: number }>(page, 'moderation:counts', {});
  expect(countsBefore.pending).toBe(pendingBefore.length);
  const logBefore = await activity(page);
  const templates = await rpc<{ id: number; label: string; body: string }[]>(page, 'moderation:reasons', {});
  expect(templates.length).toBeGreaterThanOrEqual(3);
  // The first 20 are decided in order; none is the operator's own (that one would be refused).
  const first = pendingBefore.slice(0, 20);
  expect(first.filter((r) => r.submitted_by === me!.id)).toEqual([]);
  await expect(pane.locator('.pane-title')).toHaveText(first[0]!.title);
  await expectAxeClean(page, 'the pending queue');

  // 2. Twenty decisions at 20 ms between keys: mostly approvals, three templated rejects, and
  // the keys each took.
  const rejects = new Map<number, number>([
    [4, 1],
    [11, 2],
    [16, 3],
  ]);
  let pressed = 0;
  const press = async (key: string) => {
    await page.keyboard.press(key);
    pressed += 1;
    await page.waitForTimeout(GAP_MS);
  };
  const keysPerDecision: { keys: number; action: 'approve' | 'reject' }[] = [];
  for (let i = 0; i < 20; i++) {
    const from = pressed;
    const template = rejects.get(i);
    if (template === undefined) await press('a');
    else for (const key of ['r', String(template), 'Enter']) await press(key);
    keysPerDecision.push({ keys: pressed - from, action: template === undefined ? 'approve' : 'reject' });
  }
  // 3. The last decision (an approval) undone at the same speed.
  await press('Control+z');
  const undone = first[19]!;
  expect(rejects.has(19)).toBe(false);

  // The keys the script pressed per decision; that each press made exactly one decision on the
  // intended video is what the audit log says below (20 decisions from these 26 keys).
  expect(keysPerDecision.filter((d) => d.action === 'approve').map((d) => d.keys)).toEqual(Array(17).fill(1));
  expect(keysPerDecision.filter((d) => d.action === 'reject').map((d) => d.keys)).toEqual([3, 3, 3]);
  const decisionKeys = pressed - 1;

  // The undone video is back, pending and current; the other 19 left the queue.
  await expect(page.getByRole('status').filter({ hasText: `Undone: Approved "${undone.title}".` })).toBeVisible();
  await expect(pane.locator('.pane-title')).toHaveText(undone.title);
  await expect(queue.locator('tbody tr.current')).toContainText(undone.title);
  for (const r of first.slice(0, 19)) await expect(queue.getByText(r.title, { exact: true })).toHaveCount(0);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expectAxeClean(page, 'after the undo');

  // 4. A range with the checkboxes: the third row, then Shift and the sixth (4 videos), flagged.
  const rows = queue.locator('tbody tr[data-index]');
  const rangeTitles = await Promise.all([2, 3, 4, 5].map((i) => rows.nth(i).locator('td.title-cell .ellipsis').first().getAttribute('title')));
  const range = rangeTitles.map((t) => pendingBefore.find((r) => r.title === t)!);
  // Rows the walkthrough did not decide: the undone video is the first row again, then the queue
  // goes on after the twentieth.
  expect(range).toEqual(pendingBefore.slice(21, 25));
  await rows.nth(2).getByRole('checkbox').click();
  await rows
    .nth(5)
    .getByRole('checkbox')
    .click({ modifiers: ['Shift'] });
  await expect(page.getByRole('toolbar', { name: 'Bulk actions' })).toContainText('4 selected');
  await expectAxeClean(page, 'a range selected');
  await page.getByRole('button', { name: 'Flag selected' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Flagged 4 videos.' })).toBeVisible();
  for (const r of range) await expect(queue.getByText(r.title, { exact: true })).toHaveCount(0);

  // 5. A reported video kept: its open reports dismissed.
  type Group = { target_id: string; target_type: string; report_count: number; target: { title?: string } | null };
  const groups = (await rpc<{ rows: Group[] }>(page, 'moderation:reports', { limit: 500 })).rows;
  const reported = groups.find((g) => g.target_type === 'video' && ![...first, ...range].some((r) => r.id === g.target_id))!;
  expect(reported, 'the demo data has a reported video').toBeDefined();
  await page
    .getByRole('tablist', { name: 'Queues' })
    .getByRole('tab', { name: /^Reports/ })
    .click();
  const reportsTable = page.getByRole('table', { name: 'Reported items' });
  await reportsTable.locator('tbody tr').filter({ hasText: reported.target!.title! }).first().click();
  const side = page.getByRole('complementary', { name: 'Reported item' });
  await expect(side.locator('.pane-title')).toHaveText(reported.target!.title!);
  await expectAxeClean(page, 'a reported video');
  await side.getByRole('button', { name: /^Keep \(dismiss reports\)/ }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Kept "${reported.target!.title}"; ${reported.report_count} report(s) dismissed.` }),
  ).toBeVisible();
  await expect(reportsTable.getByText(reported.target!.title!, { exact: true })).toHaveCount(0);

  // 6. Ctrl-K: a pending video found by its title and opened.
  const sought = pendingBefore.find((r) => ![...first, ...range].includes(r) && r.id !== reported.target_id)!;
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox', { name: 'Type a command' }).fill(sought.title);
  const found = palette.getByRole('group', { name: 'Videos' }).getByRole('option').filter({ hasText: sought.title }).first();
  await expect(found).toBeVisible();
  await expectAxeClean(page, 'the palette with results');
  await found.click();
  await expect(page).toHaveURL(new RegExp(`#/video/${sought.id}$`));
  await expect(pane.locator('.pane-title')).toHaveText(sought.title);

  // 7. The graph: a link added between two approved videos that had none.
  const approved = (await rpc<{ rows: { id: string; title: string }[] }>(page, 'taxonomy:videos', { status: 'approved', limit: 60 })).rows;
  const hoodOf = (id: string) =>
    rpc<{ edges: { source: string; target: string; type: string }[] }>(page, 'graph:neighbourhood', { videoId: id, hops: 1 });
  let pair: [(typeof approved)[number], (typeof approved)[number]] | null = null;
  for (let i = 40; i + 1 < approved.length && !pair; i += 2) {
    const [a, b] = [approved[i]!, approved[i + 1]!];
    const edges = (await hoodOf(a.id)).edges;
    if (!edges.some((e) => [e.source, e.target].includes(b.id))) pair = [a, b];
  }
  expect(pair, 'two approved videos without a link between them').not.toBeNull();
  const [from, to] = pair!;
  const edgesBefore = (await hoodOf(from.id)).edges.length;
  await page.goto(`${shell.origin}/#/graph?video=${from.id}&hops=1`);
  await expect(page.locator(`.react-flow__node[data-id="${from.id}"]`)).toBeVisible();
  await page.getByRole('button', { name: 'Add link' }).click();
  const linkDialog = page.getByRole('dialog', { name: 'New link' });
  await linkDialog.getByLabel('To (the other video: title, URL or id)').fill(to.id);
  await linkDialog.getByRole('button', { name: to.title }).click();
  await expect(linkDialog.getByLabel('The link reads')).toHaveText(`“${from.title}” is related to “${to.title}”.`);
  await linkDialog.getByRole('button', { name: 'Create link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link created.' })).toBeVisible();
  await expect(page.locator(`.react-flow__node[data-id="${to.id}"]`)).toBeVisible();
  await expectAxeClean(page, 'the graph after a link');

  // 8. Two tags merged: "number theory" into "geometry".
  type Tag = { id: number; name: string; video_count: number };
  const tagNamed = async (name: string) => (await rpc<{ rows: Tag[] }>(page, 'taxonomy:tags', { search: name })).rows.find((t) => t.name === name);
  const [geometry, numberTheory] = [(await tagNamed('geometry'))!, (await tagNamed('number theory'))!];
  await page.goto(`${shell.origin}/#/taxonomy?tab=tags`);
  const tags = page.getByRole('table', { name: 'Tags table' });
  const tagSearch = page.getByRole('searchbox', { name: 'Search tags' });
  await tagSearch.fill('geometry');
  await expect(tags.locator('tbody tr')).toHaveCount(1);
  await tags.getByRole('checkbox', { name: 'Select geometry' }).check();
  await tagSearch.fill('number theory');
  await expect(tags.locator('tbody tr')).toHaveCount(1);
  await tags.getByRole('checkbox', { name: 'Select number theory' }).check();
  await page.getByRole('button', { name: 'Merge selected…' }).click();
  const merge = page.getByRole('dialog', { name: 'Merge 2 tag(s)' });
  await merge.getByLabel('Merge into').selectOption(String(geometry.id));
  await expectAxeClean(page, 'the merge dialog');
  await merge.getByRole('button', { name: 'Merge' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Merged 1 tag(s)' })).toBeVisible();

  // 9. The database holds exactly the intended changes.
  const decidedRows = first.slice(0, 19);
  for (const [i, r] of decidedRows.entries()) {
    const template = rejects.get(i);
    const { video } = await review(page, r.id);
    if (template === undefined) expect(video.moderation_status, r.title).toBe('approved');
    else expect(video, r.title).toMatchObject({ moderation_status: 'rejected', moderation_notes: templates[template - 1]!.body });
  }
  expect((await review(page, undone.id)).video.moderation_status).toBe('pending');
  for (const r of range) expect((await review(page, r.id)).video.moderation_status, r.title).toBe('flagged');
  expect((await review(page, reported.target_id)).reports).toEqual([]);
  const gone = new Set([...decidedRows, ...range].map((r) => r.id));
  const pendingAfter = await pendingVideos(page);
  expect(pendingAfter.map((r) => r.id).sort()).toEqual(
    pendingBefore
      .filter((r) => !gone.has(r.id))
      .map((r) => r.id)
      .sort(),
  );
  const countsAfter = await rpc<{ pending: number; flagged: number; reports: number }>(page, 'moderation:counts', {});
  expect(countsAfter).toMatchObject({ pending: countsBefore.pending - 23, flagged: countsBefore.flagged + 4, reports: countsBefore.reports - 1 });
  const edgesAfter = (await hoodOf(from.id)).edges;
  expect(edgesAfter).toHaveLength(edgesBefore + 1);
  expect(edgesAfter.filter((e) => e.source === from.id && e.target === to.id)).toEqual([expect.objectContaining({ type: 'related' })]);
  expect(await tagNamed('number theory')).toBeUndefined();
  expect((await tagNamed('geometry'))!.video_count).toBeGreaterThanOrEqual(Math.max(geometry.video_count, numberTheory.video_count));

  // ...and the activity log exactly their entries, each on its item, all by the operator.
  const logAfter = await activity(page);
  const added = logAfter.slice(0, logAfter.length - logBefore.length);
  const expected = tally(logBefore);
  const bump = (k: string, n: number) => (expected[k] = (expected[k] ?? 0) + n);
  bump('moderation approve', 17);
  bump('moderation reject', 3);
  bump('moderation undo', 1);
  bump('moderation flag', 4);
  bump('moderation dismiss_reports', 1);
  bump('graph create', 1);
  // A merge records each merged tag and the tag they went into.
  bump('taxonomy merge', 2);
  expect(tally(logAfter)).toEqual(expected);
  expect(added.every((r) => r.operator === 'ada_moderator')).toBe(true);
  const targetsOf = (action: string) =>
    added
      .filter((r) => r.domain === 'moderation' && r.action === action)
      .map((r) => r.target_id)
      .sort();
  expect(targetsOf('approve')).toEqual(
    first
      .filter((_, i) => !rejects.has(i))
      .map((r) => r.id)
      .sort(),
  );
  expect(targetsOf('reject')).toEqual([...rejects.keys()].map((i) => first[i]!.id).sort());
  expect(targetsOf('undo')).toEqual([undone.id]);
  expect(added.filter((r) => r.action === 'undo').map((r) => r.summary)).toEqual(['Undo of approve']);
  for (const [i, template] of rejects)
    expect(added.find((r) => r.action === 'reject' && r.target_id === first[i]!.id)?.summary).toBe(templates[template - 1]!.body);
  expect(targetsOf('approve').length + targetsOf('reject').length).toBe(20);
  expect(decisionKeys).toBe(17 * 1 + 3 * 3);
  expect(targetsOf('flag')).toEqual(range.map((r) => r.id).sort());
  expect(targetsOf('dismiss_reports')).toEqual([reported.target_id]);
  expect(
    added
      .filter((r) => r.domain === 'taxonomy')
      .map((r) => r.target_id)
      .sort(),
  ).toEqual([String(geometry.id), String(numberTheory.id)].sort());
  // Newest first: the undo is recorded after the approval it undid.
  const undoAt = added.findIndex((r) => r.action === 'undo');
  expect(added.findIndex((r) => r.action === 'approve' && r.target_id === undone.id)).toBeGreaterThan(undoAt);

  // The screen agrees: the queue tabs' counts, the activity page per action.
  await page.goto(`${shell.origin}/#/moderation`);
  const tabs = page.getByRole('tablist', { name: 'Queues' });
  await expect(tabs.getByRole('tab', { name: /^Pending/ })).toHaveText(`Pending ${countsAfter.pending}`);
  await expect(tabs.getByRole('tab', { name: /^Flagged/ })).toHaveText(`Flagged ${countsAfter.flagged}`);
  await expect(tabs.getByRole('tab', { name: /^Reports/ })).toHaveText(`Reports ${countsAfter.reports}`);
  await expect(queue.locator('tbody tr.current')).toContainText(undone.title);
  const activityRows = page.getByRole('table', { name: 'Activity' }).locator('tbody tr[data-index]');
  for (const [domain, action, titles] of [
    ['moderation', 'undo', [undone.title]],
    ['moderation', 'reject', [...rejects.keys()].map((i) => first[i]!.title)],
    ['moderation', 'flag', range.map((r) => r.title)],
    ['moderation', 'dismiss_reports', [reported.target!.title!]],
    ['moderation', 'approve', first.filter((_, i) => !rejects.has(i)).map((r) => r.title)],
  ] as const) {
    await page.goto(`${shell.origin}/#/activity?domain=${domain}&action=${action}`);
    await expect(activityRows).toHaveCount(titles.length);
    for (const t of titles) await expect(activityRows.filter({ hasText: t })).toHaveCount(titles.filter((x) => x === t).length);
  }
  for (const [domain, count] of [
    ['graph', 1],
    ['taxonomy', 2],
  ] as const) {
    await page.goto(`${shell.origin}/#/activity?domain=${domain}`);
    await expect(activityRows).toHaveCount(count);
  }
  await page.goto(`${shell.origin}/#/activity`);
  await expect(activityRows.first()).toBeVisible();
  await expectAxeClean(page, 'the activity log');
});
