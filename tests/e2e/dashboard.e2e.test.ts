// The statistics dashboard in a real Chromium against the real app: a supervisor reads KPI numbers equal to
// GET /api/stats, the unit ranking in on-time order, the overdue choropleth, and drills into a street; an
// inspector gets no dashboard; Chart.js is fetched only by the dashboard.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../api/src/lib/password';
import { formatCount, formatHours, formatPercent } from '../../map-ui/src/views/dashboard/format';
import { OVERDUE_COLORS } from '../../map-ui/src/views/dashboard/scale';
import { TEST_PASSWORD, seedBasics } from '../helpers/fixtures';
import { fixture } from '../helpers/intake';
import { bearerFor, createTestApp, type TestApp } from '../helpers/test-app';
import { openTestDb, type TestDb } from '../helpers/test-db';
import { IN_M1, fileCase, ok } from '../helpers/workflow';
import { launchChromium, openUiPage, publish, snap, type UiPage } from './chromium';
import { assertUiBuilt, startUiServer, type UiServer } from './ui-server';

const IN_M3 = { lat: 31.205, lon: 120.555 };
const CHART_CHUNK = /\/assets\/charts-[\w-]+\.js$/;

let db: TestDb | undefined;
let t: TestApp;
let server: UiServer | undefined;
let browser: Browser | undefined;
const opened: UiPage[] = [];

/** Drives one case through the loop, `hoursAgo` before now: closed on time, closed late, or left overdue. */
async function runCase(
  as: Record<string, Record<string, string>>,
  where: { dispatcher: string; handler: string; inspector: string; unitId: number; place: { lat: number; lon: number }; category?: string },
  outcome: 'on_time' | 'late' | 'overdue',
): Promise<void> {
  const now = Date.now();
  const at = (hoursAgo: number) => t.clock.set(new Date(now - hoursAgo * 3_600_000).toISOString());
  const d = as[where.dispatcher]!;
  at(6);
  let c = await fileCase(t, d, { ...where.place, category: where.category ?? 'corridor_clutter' });
  c = await ok(t, d, c, 'accept', { handling_mode: 'consultation' });
  const dueAt = new Date(now + (outcome === 'on_time' ? 48 : -5) * 3_600_000).toISOString();
  c = await ok(t, d, c, 'dispatch', { unit_id: where.unitId, due_at: dueAt });
  if (outcome === 'overdue') return;
  at(3);
  c = await ok(t, as[where.handler]!, c, 'rectify', {}, [['after.jpg', fixture('jpg_Canon_40D.jpg')]]);
  at(2);
  await ok(t, as[where.inspector]!, c, 'recheck_pass', where.place);
}

beforeAll(async () => {
  assertUiBuilt();
  db = await openTestDb();
  const fx = await seedBasics(db);
  // Two more handlers, an inspector for the east, and a third unit with a single case: 1 of 1 on time must not top the ranking.
  const [one] = await db.query<{ id: number }>(`INSERT INTO units (code, name, kind, area_id) VALUES ('U-ONE', '西街保洁队', 'cleaning', $1) RETURNING id`, [fx.areaIds.S1]);
  const hash = await hashPassword(TEST_PASSWORD, 10);
  for (const [username, unitId] of [['handler_water', fx.unitIds['U-WATER']], ['handler_one', one!.id]] as const) {
    await db.query(`INSERT INTO users (username, display_name, role, unit_id, password_hash) VALUES ($1, $1, 'handler', $2, $3)`, [username, unitId, hash]);
  }
  await db.query(`INSERT INTO users (username, display_name, role, area_id, password_hash) VALUES ('inspector_east', 'inspector_east', 'inspector', $1, $2)`, [fx.areaIds.M3, hash]);
  // The browser keeps the session cookie by the wall clock, so the app's clock ends at the real now.
  t = createTestApp(db, {}, new Date().toISOString());
  const as: Record<string, Record<string, string>> = {};
  for (const u of ['dispatcher1', 'dispatcher2', 'handler1', 'handler_water', 'handler_one', 'inspector1', 'inspector_east']) as[u] = await bearerFor(t, u);

  const prop = { dispatcher: 'dispatcher1', handler: 'handler1', inspector: 'inspector1', unitId: fx.unitIds['U-PROP']!, place: IN_M1 };
  const water = { dispatcher: 'dispatcher2', handler: 'handler_water', inspector: 'inspector_east', unitId: fx.unitIds['U-WATER']!, place: IN_M3 };
  // 西街道 S1: U-PROP 3 on time + 1 late (75 %), U-ONE 1 on time; overdue 1 of 5 dispatched = 20 %.
  for (let i = 0; i < 3; i++) await runCase(as, prop, 'on_time');
  await runCase(as, { ...prop, category: 'exit_blocked' }, 'late');
  await runCase(as, { ...prop, handler: 'handler_one', unitId: one!.id }, 'on_time');
  // 东街道 S2: U-WATER 1 on time + 2 still open past the deadline (33.3 %); overdue 2 of 3 = 66.7 %.
  await runCase(as, water, 'on_time');
  await runCase(as, { ...water, category: 'exit_blocked' }, 'overdue');
  await runCase(as, water, 'overdue');
  t.clock.set(new Date().toISOString());

  server = await startUiServer(t.app.fetch);
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db?.close();
}, 60_000);

type Opened = UiPage & { requests: string[] };

async function openAs(username: string): Promise<Opened> {
  const ui = await openUiPage(browser!, 'desktop');
  const requests: string[] = [];
  ui.page.on('request', (r) => requests.push(r.url()));
  opened.push(ui);
  await ui.page.goto(`${server!.baseUrl}/`);
  await ui.page.getByLabel('用户名').fill(username);
  await ui.page.getByLabel('密码').fill(TEST_PASSWORD);
  await ui.page.getByRole('button', { name: '登录' }).click();
  await ui.page.locator('header.xc-header').waitFor();
  return { ...ui, requests };
}

/** Waits until the dashboard shows data for the period and area asked for. */
async function loaded(page: Page): Promise<void> {
  await page.locator('.xc-dash-status[data-state=ready]').waitFor({ state: 'attached', timeout: 15_000 });
  await page.locator('.xc-dash-content:not([hidden])').waitFor();
}

type Stats = { totals: Record<string, number | null> };

async function apiStats(page: Page, query: string): Promise<Stats> {
  const res = await page.request.get(`${server!.baseUrl}/api/stats?${query}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as Stats;
}

async function kpi(page: Page, key: string): Promise<string | null> {
  return page.locator(`[data-kpi=${key}] .xc-dash-kpi-value`).textContent();
}

describe('statistics dashboard in Chromium', () => {
  afterEach(async () => {
    const pages = opened.splice(0);
    for (const ui of pages) await ui.context.close();
    for (const ui of pages) expect(ui.pageErrors, 'uncaught exceptions in the page').toEqual([]);
  });

  it('a supervisor reads KPIs equal to /api/stats, the ranking, the choropleth, and drills into a street', async () => {
    const { page, requests } = await openAs('supervisor');
    const link = page.locator('header a[href="#/dashboard"]');
    await expect.poll(() => link.textContent()).toBe('统计分析');
    expect(requests.some((u) => CHART_CHUNK.test(u)), 'Chart.js before the dashboard').toBe(false);

    await link.click();
    await loaded(page);
    expect(await page.evaluate('location.hash')).toBe('#/dashboard');
    await page.getByRole('button', { name: '近 30 天' }).click();
    await expect.poll(() => page.locator('.xc-dash-period-range').textContent()).toMatch(/至/);
    await loaded(page);
    await expect.poll(() => requests.some((u) => CHART_CHUNK.test(u)), { timeout: 10_000 }).toBe(true);

    // Every card says what the API says for the same area and dates.
    const view = page.locator('.xc-dash-view');
    const from = await view.getAttribute('data-from');
    const to = await view.getAttribute('data-to');
    const { totals } = await apiStats(page, `area=D&from=${from}&to=${to}`);
    expect(totals).toMatchObject({ received: 8, dispatched: 8, due: 8, closed: 6, closed_on_time: 5, overdue: 3 });
    for (const key of ['received', 'registered', 'dispatched', 'due', 'closed', 'closed_on_time', 'overdue']) {
      expect(await kpi(page, key), key).toBe(formatCount(totals[key]!, 'zh-CN'));
    }
    for (const key of ['registration_rate', 'closure_rate', 'on_time_rate', 'rework_rate']) {
      expect(await kpi(page, key), key).toBe(formatPercent(totals[key] ?? null, 'zh-CN'));
    }
    for (const key of ['median_hours_to_close', 'p90_hours_to_close']) expect(await kpi(page, key), key).toBe(formatHours(totals[key] ?? null, 'zh-CN'));
    expect(await kpi(page, 'on_time_rate')).toBe('62.5%');

    // Ranked by on-time rate; the 1-case unit shows its n but is listed last, unranked.
    const ranking = page.locator('.xc-dash-ranking tbody tr');
    expect(await ranking.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-unit')))).toEqual(['U-PROP', 'U-WATER', 'U-ONE']);
    expect(await ranking.nth(0).locator('td').allTextContents()).toEqual(['1', '75.0%', '4', '3', '1']);
    expect(await ranking.nth(2).locator('td').allTextContents()).toEqual(['样本不足', '100.0%', '1', '1', '0']);
    await page.locator('.xc-dash-ranking button[data-sort=overdue]').click();
    expect(await ranking.first().getAttribute('data-unit')).toBe('U-WATER');
    expect(await page.locator('.xc-dash-ranking th[aria-sort]').getAttribute('aria-sort')).toBe('descending');
    await page.locator('.xc-dash-ranking button[data-sort=on_time_rate]').click();

    // The choropleth: 西街道 at 20 % and 东街道 at 66.7 % in the matching classes of the scale.
    const west = page.locator('path.xc-dash-area[aria-label^="西街道"]');
    const east = page.locator('path.xc-dash-area[aria-label^="东街道"]');
    expect(await west.getAttribute('fill')).toBe(OVERDUE_COLORS[3]);
    expect(await east.getAttribute('fill')).toBe(OVERDUE_COLORS[4]);
    expect(await page.locator('.xc-dash-legend-item').count()).toBe(6);
    await east.focus();
    await expect.poll(() => page.locator('.xc-dash-tooltip').textContent()).toBe('东街道：超期率 66.7%（2/3）');
    // Both charts were drawn on their canvases.
    for (const chart of ['trend', 'category']) {
      const box = await page.locator(`[data-chart=${chart}] canvas`).boundingBox();
      expect(box!.height, chart).toBeGreaterThan(200);
    }
    await page.mouse.move(0, 0);
    await page.locator('.xc-dash-view').evaluate((el) => el.scrollIntoView());
    publish(await snap(page, '20-dashboard-supervisor'), 'screenshot-dashboard.png');
    await page.setViewportSize({ width: 1440, height: 1700 });
    await snap(page, '21-dashboard-full');
    await page.setViewportSize({ width: 1440, height: 900 });

    // Drill into 东街道 on the map, then back up by the breadcrumb.
    await east.click();
    await expect.poll(() => page.locator('.xc-dash-trail-current').textContent()).toBe('东街道');
    await loaded(page);
    await expect.poll(() => kpi(page, 'received')).toBe('3');
    await expect.poll(() => page.locator('path.xc-dash-area').count()).toBe(1);
    expect(await page.locator('path.xc-dash-area').getAttribute('aria-label')).toMatch(/^东一社区/);
    const s2 = await apiStats(page, `area=S2&from=${from}&to=${to}`);
    expect(await kpi(page, 'overdue')).toBe(String(s2.totals.overdue));
    await snap(page, '22-dashboard-street');
    await page.locator('.xc-dash-trail-link', { hasText: '测试区' }).click();
    await expect.poll(() => kpi(page, 'received')).toBe('8');

    // The keyboard drills in as well: each area is a focusable button on the map.
    await west.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.xc-dash-trail-current').textContent()).toBe('西街道');
    await expect.poll(() => kpi(page, 'received')).toBe('5');
    await page.locator('.xc-dash-trail-link', { hasText: '测试区' }).click();
    await expect.poll(() => kpi(page, 'received')).toBe('8');

    // The child-area table drills in too.
    await page.locator('.xc-dash-areas button[data-area=S1]').click();
    await expect.poll(() => page.locator('.xc-dash-trail-current').textContent()).toBe('西街道');
    await expect.poll(() => kpi(page, 'received')).toBe('5');

    // 返回地图 leads home.
    await page.getByRole('link', { name: /返回地图/ }).click();
    await expect.poll(() => page.locator('.xc-dash-view').count()).toBe(0);
  });

  it('the dashboard follows the language switch and says in words when a period is wrong or loading fails', async () => {
    const { page } = await openAs('dispatcher1');
    await page.locator('header a[href="#/dashboard"]').click();
    await loaded(page);
    await page.getByRole('button', { name: '自定义' }).click();
    await page.getByLabel('开始日期').fill('2026-03-10');
    await page.getByLabel('结束日期').fill('2026-03-01');
    await page.getByRole('button', { name: '查询' }).click();
    expect(await page.locator('.xc-dash-period-error').textContent()).toContain('开始日期不能晚于结束日期');

    // A period with no cases at all says so instead of empty charts.
    await page.getByLabel('结束日期').fill('2026-03-20');
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => page.locator('.xc-dash-status').textContent()).toContain('没有案件');
    expect(await page.locator('[data-chart=trend] .xc-dash-message').textContent()).toContain('没有案件');
    await snap(page, '24-dashboard-empty');

    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.locator('.xc-dash-title').textContent()).toBe('Statistics');
    expect(await page.locator('[data-kpi=on_time_rate] .xc-dash-kpi-label').textContent()).toBe('On-time rate');
    await page.getByRole('button', { name: '中文' }).click();

    await page.route('**/api/stats?**', (route) =>
      route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: { code: 'internal', message: 'boom' } }) }),
    );
    await page.getByRole('button', { name: '本月' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: '统计数据加载失败' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: '重试' }).isVisible()).toBe(true);
    await snap(page, '23-dashboard-failed');
  });

  it('on a phone the dashboard fits the width and keeps 44 px targets', async () => {
    const ui = await openUiPage(browser!, 'phone');
    opened.push(ui);
    const { page } = ui;
    await page.goto(`${server!.baseUrl}/#/dashboard`);
    await page.getByLabel('用户名').fill('supervisor');
    await page.getByLabel('密码').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await loaded(page);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    for (const selector of ['.xc-dash-back', '.xc-dash-period-option >> nth=0', 'header a[href="#/dashboard"]']) {
      expect((await page.locator(selector).boundingBox())!.height, selector).toBeGreaterThanOrEqual(44);
    }
    await snap(page, '25-dashboard-phone');
  });

  it('an inspector has no dashboard link, and #/dashboard sends them home without fetching Chart.js', async () => {
    const { page, requests } = await openAs('inspector1');
    expect(await page.locator('a[href="#/dashboard"]').count()).toBe(0);
    await page.evaluate("location.hash = '#/dashboard'");
    await expect.poll(() => page.evaluate('location.hash')).toBe('');
    expect(await page.locator('.xc-dash-view').count()).toBe(0);
    // Straight to the address after a reload, too.
    await page.goto(`${server!.baseUrl}/#/dashboard`);
    await page.locator('header.xc-header').waitFor();
    expect(await page.evaluate('location.hash')).toBe('');
    expect(await page.locator('.xc-dash-view').count()).toBe(0);
    expect(requests.filter((u) => u.includes('/api/stats'))).toEqual([]);
    expect(requests.some((u) => CHART_CHUNK.test(u))).toBe(false);
  });
});
