// A canary service-role key given to the browser shell through the environment never reaches
// the page, any response sent to the page, or the log file; and an unreachable project still
// lets the app open and says what is wrong.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { startShell, type Shell } from './browser-shell';

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const CANARY = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ role: 'service_role', iss: 'canary', ref: 'CANARYCANARY' })}.c2lnbmF0dXJlLWNhbmFyeS1kby1ub3QtbGVhaw`;
const CANARY_PARTS = [CANARY, CANARY.split('.')[1]!, CANARY.split('.')[2]!];

let shell: Shell;
test.beforeAll(async () => {
  shell = await startShell({ MAGNA_SUPABASE_URL: 'http://127.0.0.1:9', MAGNA_SUPABASE_SERVICE_ROLE_KEY: CANARY });
});
test.afterAll(async () => shell?.stop());

test('the canary key never reaches the page, its responses, or the log', async ({ page }) => {
  const bodies: string[] = [];
  page.on('response', async (r) => {
    try {
      bodies.push(`${r.url()}\n${JSON.stringify(await r.allHeaders())}\n${await r.text()}`);
    } catch {
      /* redirects and event streams have no body to read */
    }
  });
  await page.goto(shell.url);
  // Unreachable project: the app opens (on its home page, the dashboard) and says what is wrong.
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Could not reach the Supabase project at 127.0.0.1:9');
  // Nobody is signed in on this profile: the console asks who acts before the first action; not now.
  await page
    .getByRole('dialog', { name: /Who is acting on/ })
    .getByRole('button', { name: 'Not now' })
    .click();

  await page.goto(`${shell.origin}/#/settings`);
  const row = page.getByRole('row', { name: /Supabase \(environment\)/ });
  await expect(row).toContainText(`Service-role key: set · …${CANARY.slice(-4)}`);
  await row.getByRole('button', { name: 'Test connection' }).click();
  await expect(row.getByRole('list', { name: /Test results/ })).toContainText('Could not reach the Supabase project');
  await expect(row.getByRole('list', { name: /Test results/ })).toContainText('Set, and it is a service-role key.');
  for (const route of ['migrations', 'embeddings', 'taxonomy']) {
    await page.goto(`${shell.origin}/#/${route}`);
    await page.waitForLoadState('networkidle');
  }

  const html = await page.content();
  for (const part of CANARY_PARTS) {
    expect(html).not.toContain(part);
    for (const body of bodies) expect(body).not.toContain(part);
  }
  expect(bodies.length).toBeGreaterThan(5);
  const log = readFileSync(shell.logFile, 'utf8');
  expect(log).toContain('browser shell listening');
  for (const part of CANARY_PARTS) expect(log).not.toContain(part);
});

test('a request without the token gets 401 and runs nothing', async ({ request }) => {
  const r = await request.post(`${shell.origin}/api/rpc/connections:list`, { data: {}, headers: { cookie: '' } });
  expect(r.status()).toBe(401);
  expect(await r.text()).not.toContain(CANARY);
});
