// The map UI in a real Chromium against the real app: login, the area map, tooltips, language and logout.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, seedBasics } from '../helpers/fixtures';
import { createTestApp } from '../helpers/test-app';
import { openTestDb, type TestDb } from '../helpers/test-db';
import { launchChromium, openUiPage, publish, snap, type UiPage } from './chromium';
import { assertUiBuilt, startUiServer, type UiServer } from './ui-server';

const MICRO_GRID_NAMES = ['西一第一网格1号微网格', '西一第一网格2号微网格', '东一第一网格1号微网格'];

let db: TestDb | undefined;
let server: UiServer | undefined;
let browser: Browser | undefined;
const opened: UiPage[] = [];

beforeAll(async () => {
  assertUiBuilt();
  db = await openTestDb();
  await seedBasics(db);
  // The browser keeps the session cookie by the wall clock, so the app's clock must agree with it.
  const t = createTestApp(db, {}, new Date().toISOString());
  server = await startUiServer(t.app.fetch);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db?.close();
}, 60_000);

async function open(kind: 'desktop' | 'phone'): Promise<UiPage> {
  const ui = await openUiPage(browser!, kind);
  opened.push(ui);
  await ui.page.goto(`${server!.baseUrl}/`);
  return ui;
}

async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

async function openMapAs(username: string): Promise<UiPage> {
  const ui = await open('desktop');
  await logIn(ui.page, username, TEST_PASSWORD);
  await expect.poll(() => ui.page.locator('.leaflet-overlay-pane path').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(10);
  return ui;
}

async function height(page: Page, selector: Parameters<Page['locator']>[0]): Promise<number> {
  const box = await page.locator(selector).boundingBox();
  return box?.height ?? 0;
}

describe('map UI in Chromium', () => {
  afterEach(async () => {
    const pages = opened.splice(0);
    for (const ui of pages) await ui.context.close();
    for (const ui of pages) expect(ui.pageErrors, 'uncaught exceptions in the page').toEqual([]);
  });

  it('the phone login page has labelled inputs and a button at least 44 px tall', async () => {
    const { page } = await open('phone');
    await page.getByLabel('用户名').waitFor();
    expect(await height(page, 'input[name=username]')).toBeGreaterThanOrEqual(44);
    expect(await height(page, 'input[name=password]')).toBeGreaterThanOrEqual(44);
    expect(await height(page, 'button[type=submit]')).toBeGreaterThanOrEqual(44);
    expect(await height(page, 'button[data-lang=en]')).toBeGreaterThanOrEqual(44);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    publish(await snap(page, '01-login-phone'), 'screenshot-login-phone.png');
  });

  it('a wrong password shows the error and stays on the login page', async () => {
    const { page } = await open('desktop');
    await logIn(page, 'inspector1', 'not the password');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('用户名或密码错误');
    expect(await page.getByLabel('用户名').isVisible()).toBe(true);
    expect(await page.getByLabel('密码').inputValue()).toBe('');
    expect((await page.request.get(`${server!.baseUrl}/api/me`)).status()).toBe(401);
    await snap(page, '02-login-wrong-password');
  });

  it('a throttled login shows the wait, and an unreachable server says so', async () => {
    const { page } = await open('desktop');
    // The API's own 429 needs five real failures; the answer is replayed here so the UI can be read.
    await page.route('**/api/auth/login', (route) =>
      route.fulfill({
        status: 429,
        headers: { 'Retry-After': '42' },
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'too_many_attempts', message: 'too many failed logins; try again in 42 s' } }),
      }),
    );
    await logIn(page, 'inspector1', 'whatever');
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/请在 4[12] 秒后重试/);
    expect(await page.getByRole('button', { name: '登录' }).isDisabled()).toBe(true);
    await snap(page, '03-login-throttled');
    // The message follows the language switch, and keeps counting.
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.getByRole('alert').textContent()).toMatch(/Try again in 4[012] s/);

    const offline = await open('desktop');
    await offline.page.route('**/api/auth/login', (route) => route.abort('connectionrefused'));
    await logIn(offline.page, 'inspector1', 'whatever');
    await expect.poll(() => offline.page.getByRole('alert').textContent()).toContain('无法连接服务器');
  });

  it('dispatcher1 sees the area map and the header with name and role, with no tile server', async () => {
    const { page, blocked } = await openMapAs('dispatcher1');
    const header = page.locator('header.xc-header');
    expect(await header.textContent()).toContain('巡查通');
    expect(await header.locator('.xc-user-name').textContent()).toBe('测试dispatcher1');
    expect(await header.locator('.xc-user-role').textContent()).toBe('受理派遣员');
    expect(await page.locator('.xc-legend').textContent()).toContain('微网格');
    // Tiles were asked for and refused, and the map said so instead of breaking.
    await expect.poll(() => page.locator('[data-notice=basemap]').count(), { timeout: 10_000 }).toBe(1);
    expect(blocked.some((url) => url.includes('tile.openstreetmap.org'))).toBe(true);
    const map = await page.locator('.xc-map').boundingBox();
    // The workbench: the case list on the left, the map filling the rest.
    expect(map!.width).toBe(1440 - 420);
    expect(map!.height).toBeGreaterThan(700); // under the header and the filter bar
    await page.mouse.move(0, 0); // no hover tooltip left over from the login click
    await snap(page, '04-map-desktop');
  });

  it('hovering a micro-grid shows its name and level in a tooltip, also after levels are toggled', async () => {
    const { page } = await openMapAs('supervisor');
    const paths = page.locator('.leaflet-overlay-pane path');
    const before = await paths.count();
    // Hiding and showing the streets again must not put them over the micro-grids.
    await page.locator('.xc-legend input[data-level=street]').uncheck();
    expect(await paths.count()).toBe(before - 2);
    await page.locator('.xc-legend input[data-level=street]').check();
    expect(await paths.count()).toBe(before);
    const box = await page.locator('.leaflet-overlay-pane path.xc-area-micro_grid').first().boundingBox();
    await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
    // The tooltip of an area the pointer just left fades out for 200 ms: pick the micro-grid's.
    const level = page.locator('.xc-area-tooltip-level', { hasText: /^微网格$/ });
    const tooltip = page.locator('.leaflet-tooltip.xc-area-tooltip').filter({ has: level });
    await tooltip.waitFor({ timeout: 5_000 });
    expect(MICRO_GRID_NAMES).toContain(await tooltip.locator('strong').textContent());
    publish(await snap(page, '05-map-tooltip'), 'screenshot-map.png');
  });

  it('the language switch turns the strings English and back, and is remembered', async () => {
    const { page } = await openMapAs('dispatcher1');
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.locator('.xc-user-role').textContent()).toBe('Dispatcher');
    expect(await page.getByRole('button', { name: 'Log out' }).isVisible()).toBe(true);
    expect(await page.locator('.xc-legend').textContent()).toContain('Micro-grid');
    expect(await page.evaluate('document.documentElement.lang')).toBe('en');
    // A reload goes straight to the map (the session answers /api/me), still in English.
    await page.reload();
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    await snap(page, '06-map-english');
    await page.getByRole('button', { name: '中文' }).click();
    expect(await page.getByRole('button', { name: '退出登录' }).isVisible()).toBe(true);
    expect(await page.locator('.xc-user-role').textContent()).toBe('受理派遣员');
  });

  it('on a phone the workbench fits the width and keeps 44 px targets', async () => {
    // Inspectors get their own phone home (tests/e2e/inspector.e2e.test.ts); a supervisor on the road gets the workbench.
    const { page } = await open('phone');
    await logIn(page, 'supervisor', TEST_PASSWORD);
    await expect.poll(() => page.locator('.leaflet-overlay-pane path').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(10);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    expect(await height(page, '.xc-logout')).toBeGreaterThanOrEqual(44);
    expect(await height(page, '.leaflet-control-zoom-in')).toBeGreaterThanOrEqual(44);
    const header = await page.locator('header.xc-header').boundingBox();
    const map = await page.locator('.xc-map').boundingBox();
    expect(map!.y).toBeGreaterThanOrEqual(header!.y + header!.height - 1);
    await snap(page, '08-map-phone');
    expect(map!.height).toBeGreaterThanOrEqual(300);
  });

  it('logout returns to the login page and ends the session', async () => {
    const { page } = await openMapAs('handler1');
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByLabel('用户名').waitFor();
    expect(await page.locator('.leaflet-container').count()).toBe(0);
    expect((await page.request.get(`${server!.baseUrl}/api/me`)).status()).toBe(401);
    await snap(page, '07-logged-out');
  });
});
