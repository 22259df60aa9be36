// The inspector's phone flow in a real Chromium against the real app: report with a real GPS photo,
// find it under 我的上报, add photos to a possible duplicate, queue a report offline and send it
// exactly once on reconnect (and after a reload), and pass a recheck with a photo.
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedBasics, type Fixtures } from '../helpers/fixtures';
import { bearerFor, createTestApp, type TestApp } from '../helpers/test-app';
import { openTestDb, type TestDb } from '../helpers/test-db';
import { fileCase, IN_M1, ok } from '../helpers/workflow';
import { fixture } from '../helpers/intake';
import { launchChromium, publish, snap, type UiPage } from './chromium';
import { fillReport, findInMyReports, goHome, logInAsInspector, recheckPass, reportCase, sendReport } from './pages/inspector-page';
import { assertUiBuilt, startUiServer, type UiServer } from './ui-server';

const PHOTOS = path.resolve(import.meta.dirname, '../fixtures/photos');
const photo = (name: string) => path.join(PHOTOS, name);

let db: TestDb;
let t: TestApp;
let fx: Fixtures;
let server: UiServer | undefined;
let browser: Browser | undefined;
const opened: UiPage[] = [];

beforeAll(async () => {
  assertUiBuilt();
  db = await openTestDb();
  fx = await seedBasics(db);
  await db.query(`INSERT INTO area_units (area_id, category_code, unit_id) VALUES ($1, NULL, $2)`, [fx.areaIds.C1, fx.unitIds['U-PROP']]);
  // The browser keeps the session cookie by the wall clock, so the app's clock must agree with it.
  t = createTestApp(db, {}, new Date().toISOString());
  server = await startUiServer(t.app.fetch);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db?.close();
}, 60_000);

async function phone(): Promise<UiPage> {
  const ui = await logInAsInspector(browser!, server!.baseUrl);
  opened.push(ui);
  return ui;
}

const casesWith = (description: string) =>
  db.query<{ code: string; status: string; location_source: string; reporter: string; photos: number }>(
    `SELECT c.code, c.status, c.location_source, u.username AS reporter, (SELECT count(*)::int FROM photos p WHERE p.case_id = c.id) AS photos
     FROM cases c JOIN users u ON u.id = c.reporter_id WHERE c.description = $1`,
    [description],
  );

const height = async (ui: UiPage, selector: string) => (await ui.page.locator(selector).first().boundingBox())?.height ?? 0;

describe('the inspector on a phone', () => {
  afterEach(async () => {
    const pages = opened.splice(0);
    for (const ui of pages) await ui.context.close();
    for (const ui of pages) expect(ui.pageErrors, 'uncaught exceptions in the page').toEqual([]);
  });

  it('home: one big report button, thumb-sized buttons, nothing wider than the phone', async () => {
    const ui = await phone();
    expect(await height(ui, '[data-testid=report]')).toBeGreaterThanOrEqual(120);
    for (const name of ['queue', 'mine', 'recheck']) expect(await height(ui, `[data-testid=${name}]`)).toBeGreaterThanOrEqual(44);
    expect(await ui.page.locator('[data-testid=queue] .xc-insp-count').textContent()).toBe('0');
    expect(await ui.page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    publish(await snap(ui.page, 'inspector-01-home'), 'screenshot-inspector-home.png');
    // Chinese first; the language switch relabels the screen in place.
    await ui.page.getByRole('button', { name: 'English' }).click();
    expect(await ui.page.getByTestId('report').textContent()).toContain('Report a problem');
    await snap(ui.page, 'inspector-01-home-en');
    await ui.page.getByRole('button', { name: '中文' }).click();
    expect(await ui.page.getByTestId('report').textContent()).toContain('上报问题');
  });

  it('reports a problem with a real GPS photo and finds it under 我的上报', async () => {
    const ui = await phone();
    const description = '桥下东岸大片漂浮垃圾';
    await fillReport(ui.page, { photoPath: photo('jpg_gps_DSCN0010.jpg'), category: 'floating_debris', description });
    // The browser read the photo's EXIF GPS before upload, and put the pin there.
    expect(await ui.page.getByTestId('location-status').getAttribute('data-source')).toBe('exif');
    expect(await ui.page.locator('.xc-insp-pin').count()).toBe(1);
    for (const selector of ['.xc-insp-photo-button', '.xc-insp-tile', '.xc-insp-segment', '.xc-insp-thumb-remove']) {
      expect(await height(ui, selector), selector).toBeGreaterThanOrEqual(44);
    }
    await ui.page.evaluate('window.scrollTo(0, 0)');
    publish(await snap(ui.page, 'inspector-02-form-top'), 'screenshot-inspector-report.png');
    await ui.page.locator('.xc-insp-category-group').first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await snap(ui.page, 'inspector-03-form-categories');
    // A slow uplink, as in the rain at the edge of the grid: the bar shows real upload progress.
    await ui.page.evaluate(`(() => {
      window.__progress = [];
      const bar = document.querySelector('.xc-insp-progress');
      new MutationObserver(() => { if (!bar.hidden) window.__progress.push(bar.value); }).observe(bar, { attributes: true });
    })()`);
    const cdp = await ui.context.newCDPSession(ui.page);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 60_000 });
    const notice = await sendReport(ui.page);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    const progress = await ui.page.evaluate<number[]>('window.__progress');
    expect(progress.filter((v) => v > 0 && v < 100).length, `progress seen: ${progress.join(', ')}`).toBeGreaterThan(0);
    const code = /XC-\d{8}-\d+/.exec(notice)?.[0];
    expect(code, notice).toBeDefined();
    await snap(ui.page, 'inspector-04-sent');

    const rows = await casesWith(description);
    expect(rows).toEqual([{ code, status: 'submitted', location_source: 'exif', reporter: 'inspector1', photos: 1 }]);
    expect(await findInMyReports(ui.page, code!)).toBe('待受理');
    publish(await snap(ui.page, 'inspector-05-my-reports'), 'screenshot-inspector-my-reports.png');
  });

  it('shows a nearby duplicate ("是这个问题吗?") and adds the photos to it instead of a new case', async () => {
    const ui = await phone();
    const first = await reportCase(ui.page, { photoPath: photo('jpg_gps_DSCN0012.jpg'), category: 'black_odorous_water', description: '河水发黑发臭' });
    await fillReport(ui.page, { photoPath: photo('jpg_gps_DSCN0021.jpg'), category: 'black_odorous_water', description: '还在，更臭了' });
    const add = ui.page.locator(`.xc-insp-duplicates button[data-code="${first}"]`);
    await add.waitFor();
    await add.scrollIntoViewIfNeeded();
    publish(await snap(ui.page, 'inspector-06-duplicates'), 'screenshot-inspector-duplicates.png');
    await add.click();
    await ui.page.locator('.xc-insp-home .xc-insp-notice', { hasText: first }).waitFor();

    expect(await casesWith('还在，更臭了')).toEqual([]);
    const [c] = await casesWith('河水发黑发臭');
    expect(c).toMatchObject({ code: first, status: 'submitted', photos: 2 });
    const events = await db.query<{ action: string }>(`SELECT e.action FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.code = $1 ORDER BY e.id`, [first]);
    expect(events.map((e) => e.action)).toEqual(['submit', 'add_report']);
  });

  it('queues a report offline, keeps it through a reload, and sends it exactly once on reconnect', async () => {
    const ui = await phone();
    const { page, context } = ui;
    const description = '离线上报：岸坡塌了一段';
    await fillReport(page, { photoPath: photo('jpg_gps_DSCN0025.jpg'), category: 'bank_damage', description });
    await context.setOffline(true);
    const notice = await sendReport(page);
    expect(notice).toContain('已存入待发送');
    expect(await page.locator('[data-testid=queue] .xc-insp-count').textContent()).toBe('1');
    await snap(page, 'inspector-07-offline-home');
    await page.getByTestId('queue').click();
    await expect.poll(() => page.getByTestId('queue-state').first().textContent()).toBe('等待发送');
    publish(await snap(page, 'inspector-08-offline-queue'), 'screenshot-inspector-queue.png');

    // Back online, but the server's case intake fails (a dropped connection): the report stays queued…
    await page.route('**/api/cases', (route) => (route.request().method() === 'POST' ? route.abort('connectionreset') : route.continue()));
    await context.setOffline(false);
    await expect.poll(() => page.getByTestId('queue-state').first().textContent(), { timeout: 15_000 }).toMatch(/等待重发/);
    await snap(page, 'inspector-09-retry-waiting');
    expect(await casesWith(description)).toEqual([]);
    // …and survives a reload, photos and all, in IndexedDB.
    await page.unroute('**/api/cases');
    await page.reload();
    await page.getByTestId('report').waitFor();
    await page.getByTestId('queue').click();
    await expect.poll(() => page.getByTestId('queue-state').first().textContent(), { timeout: 20_000 }).toMatch(/^已发送 → XC-/);
    await snap(page, 'inspector-10-sent-after-reconnect');

    const rows = await casesWith(description);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'submitted', photos: 1, reporter: 'inspector1' });
    expect(await page.getByTestId('queue-state').first().textContent()).toBe(`已发送 → ${rows[0]!.code}`);
    await goHome(page);
    expect(await page.locator('[data-testid=queue] .xc-insp-count').textContent()).toBe('0');
  });

  it('fails a recheck with a photo and a reason: the work goes back to the unit', async () => {
    const as = {
      inspector: await bearerFor(t, 'inspector1'),
      dispatcher: await bearerFor(t, 'dispatcher1'),
      handler: await bearerFor(t, 'handler1'),
    };
    let c = await fileCase(t, as.inspector, { ...IN_M1, description: '消防通道还被电动车堵着' });
    c = await ok(t, as.dispatcher, c, 'accept', { handling_mode: 'consultation' });
    c = await ok(t, as.dispatcher, c, 'dispatch');
    c = await ok(t, as.handler, c, 'rectify', { note: '已挪走' }, [['after.jpg', fixture('jpg_orientation_landscape_1.jpg')]]);

    const ui = await phone();
    await ui.context.grantPermissions(['geolocation'], { origin: server!.baseUrl });
    await ui.context.setGeolocation({ latitude: IN_M1.lat, longitude: IN_M1.lon, accuracy: 15 });
    await goHome(ui.page);
    await ui.page.getByTestId('recheck').click();
    await ui.page.locator(`[data-testid=recheck-list] [data-code="${c.code}"]`).getByRole('button', { name: '去核查' }).click();
    const form = ui.page.locator(`form.xc-insp-recheck[data-code="${c.code}"]`);
    await form.getByTestId('recheck-photos-gallery').setInputFiles(photo('jpg_orientation_landscape_8.jpg'));
    await form.locator('label.xc-insp-verdict-fail').click();
    // No reason: refused in words, nothing sent.
    await form.getByRole('button', { name: '提交核查' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toMatch(/\S/);
    expect((await db.query<{ status: string }>('SELECT status FROM cases WHERE id = $1', [c.id]))[0]!.status).toBe('rectified');
    await form.getByLabel(/说明/).fill('电动车又停回来了，通道仍被堵');
    await form.getByRole('button', { name: '提交核查' }).click();
    await ui.page.locator('.xc-insp-screen .xc-insp-notice', { hasText: c.code }).waitFor({ timeout: 20_000 });
    await snap(ui.page, 'inspector-13-recheck-failed');
    const [row] = await db.query<{ status: string; rework: number; recheck: number }>(
      `SELECT c.status, c.rework_count AS rework, (SELECT count(*)::int FROM photos p WHERE p.case_id = c.id AND p.stage = 'recheck') AS recheck
       FROM cases c WHERE c.id = $1`,
      [c.id],
    );
    expect(row).toEqual({ status: 'dispatched', rework: 1, recheck: 1 });
  });

  it('rechecks a rectified case on site: passed, with a photo', async () => {
    const as = {
      inspector: await bearerFor(t, 'inspector1'),
      dispatcher: await bearerFor(t, 'dispatcher1'),
      handler: await bearerFor(t, 'handler1'),
    };
    let c = await fileCase(t, as.inspector, { ...IN_M1, description: '楼道堆满纸箱' });
    c = await ok(t, as.dispatcher, c, 'accept', { handling_mode: 'consultation' });
    c = await ok(t, as.dispatcher, c, 'dispatch');
    c = await ok(t, as.handler, c, 'start');
    c = await ok(t, as.handler, c, 'rectify', { note: '已清理' }, [['after.jpg', fixture('jpg_orientation_landscape_1.jpg')]]);

    const ui = await phone();
    await ui.context.grantPermissions(['geolocation'], { origin: server!.baseUrl });
    await ui.context.setGeolocation({ latitude: IN_M1.lat, longitude: IN_M1.lon, accuracy: 15 });
    await goHome(ui.page);
    await expect.poll(() => ui.page.locator('[data-testid=recheck] .xc-insp-count').textContent()).toBe('1');
    await ui.page.getByTestId('recheck').click();
    await ui.page.locator(`[data-testid=recheck-list] [data-code="${c.code}"]`).getByRole('button', { name: '去核查' }).click();
    await ui.page.locator('.xc-insp-recheck [data-stage=after] img').waitFor();
    // The before and after photos really load (a broken image has no natural width).
    const loaded = `[...document.querySelectorAll('.xc-insp-recheck .xc-insp-thumb img')].map((img) => img.complete && img.naturalWidth > 0)`;
    await expect.poll(() => ui.page.evaluate<boolean[]>(loaded), { timeout: 10_000 }).toEqual([true, true]);
    await snap(ui.page, 'inspector-11-recheck-form');
    await goHome(ui.page);

    await recheckPass(ui.page, c.code, photo('jpg_orientation_landscape_3.jpg'));
    publish(await snap(ui.page, 'inspector-12-recheck-passed'), 'screenshot-inspector-recheck.png');
    const [row] = await db.query<{ status: string; photos: string[] }>(
      `SELECT c.status, array(SELECT p.stage FROM photos p WHERE p.case_id = c.id ORDER BY p.created_at, p.position) AS photos FROM cases c WHERE c.id = $1`,
      [c.id],
    );
    expect(row).toEqual({ status: 'closed', photos: ['before', 'after', 'recheck'] });
    expect(await findInMyReports(ui.page, c.code)).toBe('已结案');
  });
});
