// One case around the closed loop, in real Chromium, every role in its own browser context:
//   1. an inspector on a phone reports it with a real photo and finds it under 我的上报;
//   2. a dispatcher's open workbench shows it arrive live, then accepts and dispatches it;
//   3. the handler starts work and rectifies it with an after-photo;
//   4. the inspector rechecks it on site and passes it;
//   5. the dispatcher sees it closed, with the whole timeline.
// The steps share one case, so they run in order; each is its own test so a failure names the step.
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBasics } from '../helpers/fixtures';
import { createTestApp } from '../helpers/test-app';
import { openTestDb, type TestDb } from '../helpers/test-db';
import { IN_M1 } from '../helpers/workflow';
import { launchChromium, openUiPage, publish, snap, type UiPage } from './chromium';
import { acceptAndDispatch, drawer, expectTimeline, openActionForm, rectifyWithPhoto, submitForm, visibleActions, waitForCase, waitForStatus } from './pages/drawer-page';
import { findInMyReports, logInAsInspector, recheckPass, reportCase } from './pages/inspector-page';
import { logInDesktop, openCase, waitForCaseInList } from './pages/workbench-page';
import { assertUiBuilt, startUiServer, type UiServer } from './ui-server';

const photo = (name: string) => path.resolve(import.meta.dirname, '../fixtures/photos', name);
// A phone camera photo without GPS (browsers often strip it): the phone's own position places the case.
const REPORT_PHOTO = photo('jpg_mobile_jolla.jpg');
const AFTER_PHOTO = photo('jpg_orientation_landscape_1.jpg');
const RECHECK_PHOTO = photo('jpg_orientation_landscape_6.jpg');
const DESCRIPTION = '三号楼楼道堆满纸箱和旧家具，堵住安全出口';

let db: TestDb;
let server: UiServer;
let browser: Browser;
const pages: UiPage[] = [];
let inspector: UiPage;
let dispatcher: UiPage;
let code = '';

async function desktop(username: string): Promise<UiPage> {
  const ui = await openUiPage(browser, 'desktop');
  pages.push(ui);
  await ui.page.goto(`${server.baseUrl}/`);
  await logInDesktop(ui.page, username);
  return ui;
}

/** The inspector stands in micro-grid M1, where the problem is. */
async function onSite(ui: UiPage): Promise<void> {
  await ui.context.grantPermissions(['geolocation'], { origin: server.baseUrl });
  await ui.context.setGeolocation({ latitude: IN_M1.lat, longitude: IN_M1.lon, accuracy: 12 });
}

const caseRow = async () =>
  (await db.query<{ status: string; location_source: string; reporter: string; unit: string | null }>(
    `SELECT c.status, c.location_source, r.username AS reporter, u.code AS unit
     FROM cases c JOIN users r ON r.id = c.reporter_id LEFT JOIN units u ON u.id = c.unit_id WHERE c.code = $1`,
    [code],
  ))[0];

beforeAll(async () => {
  assertUiBuilt();
  db = await openTestDb();
  await seedBasics(db);
  // The browser keeps the session cookie by the wall clock, so the app's clock must agree with it.
  const t = createTestApp(db, {}, new Date().toISOString());
  server = await startUiServer(t.app.fetch);
  browser = await launchChromium();
  inspector = await logInAsInspector(browser, server.baseUrl);
  pages.push(inspector);
  await onSite(inspector);
  // The dispatcher's workbench is open before the report exists: the case must arrive live.
  dispatcher = await desktop('dispatcher1');
  await dispatcher.page.evaluate('window.__openedBeforeTheReport = true');
}, 180_000);

afterAll(async () => {
  for (const ui of pages) await ui.context.close();
  await browser?.close();
  await server?.close();
  await db?.close();
}, 60_000);

describe('one case around the closed loop', () => {
  it('1. an inspector on a phone reports it with a photo and finds it under 我的上报', async () => {
    code = await reportCase(inspector.page, { photoPath: REPORT_PHOTO, category: 'corridor_clutter', description: DESCRIPTION });
    expect(code).toMatch(/^XC-\d{8}-\d{4}$/);
    expect(await caseRow()).toEqual({ status: 'submitted', location_source: 'device', reporter: 'inspector1', unit: null });
    expect(await findInMyReports(inspector.page, code)).toBe('待受理');
    publish(await snap(inspector.page, 'story-1-inspector-my-reports'), 'story-1-inspector-reported.png');
  });

  it('2. the dispatcher sees it arrive live, accepts it and dispatches it', async () => {
    const { page } = dispatcher;
    await waitForCaseInList(page, code, 20_000);
    // Arrived without a reload: the page still carries what was set on it before the report.
    expect(await page.evaluate('window.__openedBeforeTheReport')).toBe(true);
    await snap(page, 'story-2a-dispatcher-live');
    await openCase(page, code);
    await waitForCase(page, code);
    await acceptAndDispatch(page, '绿苑物业');
    expect(await caseRow()).toMatchObject({ status: 'dispatched', unit: 'U-PROP' });
    publish(await snap(page, 'story-2b-dispatcher-dispatched'), 'story-2-dispatcher-dispatched.png');
  });

  it('3. the handler starts work and rectifies it with an after-photo', async () => {
    const { page } = await desktop('handler1');
    const task = page.locator(`.xc-role-panel-tasks .xc-task[data-code="${code}"]`);
    await task.waitFor({ timeout: 15_000 });
    await task.click();
    await waitForCase(page, code);
    await submitForm(await openActionForm(page, 'start'));
    await waitForStatus(page, 'in_progress');
    const progress = await rectifyWithPhoto(page, AFTER_PHOTO);
    expect(progress.at(-1)).toBe(1);
    expect(await drawer(page).locator('.xc-photo-group[data-stage=after] .xc-thumb').count()).toBe(1);
    expect(await caseRow()).toMatchObject({ status: 'rectified' });
    publish(await snap(page, 'story-3-handler-rectified'), 'story-3-handler-rectified.png');
  });

  it('4. the inspector rechecks it on site and passes it', async () => {
    await recheckPass(inspector.page, code, RECHECK_PHOTO);
    expect(await caseRow()).toMatchObject({ status: 'closed' });
    expect(await findInMyReports(inspector.page, code)).toBe('已结案');
    await snap(inspector.page, 'story-4-inspector-recheck-passed');
  });

  it('5. the dispatcher sees it closed, with the whole timeline', async () => {
    const { page } = dispatcher;
    // Still the page opened at the start: the state changes arrived live.
    await expect.poll(() => page.locator(`button.xc-case-row[data-code="${code}"]`).getAttribute('data-status'), { timeout: 20_000 }).toBe('closed');
    await openCase(page, code);
    await waitForStatus(page, 'closed');
    await expectTimeline(page, ['submit', 'accept', 'dispatch', 'start', 'rectify', 'recheck_pass']);
    for (const stage of ['before', 'after', 'recheck']) {
      expect(await drawer(page).locator(`.xc-photo-group[data-stage=${stage}] .xc-thumb`).count(), stage).toBe(1);
    }
    // A closed case offers the dispatcher nothing but reopening or supervision, if anything.
    expect((await visibleActions(page)).filter((a) => a !== 'reopen' && a !== 'supervise')).toEqual([]);
    publish(await snap(page, 'story-5-dispatcher-closed'), 'story-5-dispatcher-closed.png');
  });
});
