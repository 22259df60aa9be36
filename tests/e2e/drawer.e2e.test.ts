// The case drawer in a real Chromium against the real app: details, photos with a zoomable viewer, the timeline,
// and for each role exactly the action buttons the API allows; dispatching, rectifying with a photo, and a conflict.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PHOTO_FIXTURES_DIR } from '../fixtures/photos';
import { TEST_PASSWORD, seedBasics } from '../helpers/fixtures';
import { bearerFor, createTestApp, type TestApp } from '../helpers/test-app';
import { openTestDb, type TestDb } from '../helpers/test-db';
import { fileCase, ok } from '../helpers/workflow';
import { launchChromium, openUiPage, publish, snap, type UiPage } from './chromium';
import { casesInEveryState, type CasesByState } from './drawer-cases';
import {
  acceptAndDispatch, drawer, expectTimeline, focusedElement, imageLoaded, lightboxImageLoaded, lightboxScale, openActionForm, rectifyWithPhoto,
  submitForm, unnamedControls, visibleActions, waitForCase, waitForStatus,
} from './pages/drawer-page';
import { logInDesktop, openCase } from './pages/workbench-page';
import { assertUiBuilt, startUiServer, type UiServer } from './ui-server';

const AFTER_PHOTO = path.join(PHOTO_FIXTURES_DIR, 'jpg_gps_DSCN0012.jpg');

let db: TestDb | undefined;
let t: TestApp | undefined;
let server: UiServer | undefined;
let browser: Browser | undefined;
let cases: CasesByState;
let unitId: number;
const opened: UiPage[] = [];

beforeAll(async () => {
  assertUiBuilt();
  db = await openTestDb();
  const fixtures = await seedBasics(db);
  unitId = fixtures.unitIds['U-PROP']!;
  // The browser keeps the session cookie by the wall clock, so the app's clock must agree with it.
  t = createTestApp(db, {}, new Date().toISOString());
  cases = await casesInEveryState(t, unitId);
  server = await startUiServer(t.app.fetch);
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db?.close();
}, 60_000);

afterEach(async () => {
  const pages = opened.splice(0);
  for (const ui of pages) await ui.context.close();
  for (const ui of pages) expect(ui.pageErrors, 'uncaught exceptions in the page').toEqual([]);
});

async function desktopAs(username: string): Promise<Page> {
  const ui = await openUiPage(browser!, 'desktop');
  opened.push(ui);
  await ui.page.goto(`${server!.baseUrl}/`);
  await logInDesktop(ui.page, username, TEST_PASSWORD);
  return ui.page;
}

/** What the API says this page's user may do on the case (the same session cookie), or null when it is out of scope. */
async function apiActions(page: Page, id: number): Promise<string[] | null> {
  const res = await page.request.get(`${server!.baseUrl}/api/cases/${id}`);
  if (res.status() === 404) return null;
  expect(res.status()).toBe(200);
  return ((await res.json()) as { available_actions: string[] }).available_actions;
}

describe('case drawer in Chromium', () => {
  it('shows the details, the before/after gallery with a zoomable viewer, and the timeline', async () => {
    const page = await desktopAs('dispatcher1');
    const c = cases.rectified;
    await openCase(page, c.code);
    await waitForCase(page, c.code);
    const d = drawer(page);
    expect(await d.locator('.xc-state').textContent()).toBe('待核查');
    expect(await d.locator('.xc-facts').textContent()).toContain('绿苑物业');
    expect(await d.locator('.xc-photo-group[data-stage=before] .xc-thumb').count()).toBe(1);
    expect(await d.locator('.xc-photo-group[data-stage=after] .xc-thumb').count()).toBe(1);
    await expectTimeline(page, ['submit', 'accept', 'dispatch', 'rectify']);
    expect(await d.locator('.xc-timeline-item[data-action=rectify]').textContent()).toContain('测试handler1（责任单位处置员）');
    publish(await snap(page, 'drawer-01-dispatcher-rectified'), 'screenshot-drawer.png');

    // The viewer: opens on the clicked photo, zooms by key and wheel, moves by arrows, Esc gives focus back.
    const thumb = d.locator('.xc-photo-group[data-stage=after] .xc-thumb');
    await thumb.click();
    const box = page.getByRole('dialog', { name: '照片查看器' });
    await box.waitFor();
    const img = box.locator('img');
    await expect.poll(() => lightboxImageLoaded(page)).toBe(true);
    expect(await img.getAttribute('src')).toMatch(/^\/photos\/.+\/display$/);
    expect(await box.getByRole('link', { name: '原图' }).getAttribute('href')).toMatch(/\/original$/);
    const scale = () => lightboxScale(page);
    expect(await scale()).toBe(1);
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    await expect.poll(scale).toBeGreaterThan(1.5);
    await snap(page, 'drawer-02-lightbox-zoomed');
    await page.keyboard.press('0');
    await expect.poll(scale).toBe(1);
    await img.hover();
    await page.mouse.wheel(0, -400);
    await expect.poll(scale).toBeGreaterThan(1);
    // The viewer moves through all the case's photos: from the after-photo on to the before-photo.
    expect(await box.locator('.xc-lightbox-counter').textContent()).toBe('整改后 2/2');
    await page.keyboard.press('ArrowRight');
    expect(await box.locator('.xc-lightbox-counter').textContent()).toBe('整改前 1/2');
    await expect.poll(scale).toBe(1);
    await page.keyboard.press('Escape');
    expect(await box.count()).toBe(0);
    expect(await focusedElement(page)).toBe('after');
    // Esc again closes the drawer itself.
    await page.keyboard.press('Escape');
    expect(await drawer(page).count()).toBe(0);
    // …and focus goes back to the row that opened it.
    expect(await focusedElement(page)).toBe(c.code);
  });

  it('for every role and state, shows exactly the action buttons the API allows', async () => {
    const seen: Record<string, Record<string, string[] | null>> = {};
    for (const username of ['dispatcher1', 'handler1', 'supervisor', 'admin']) {
      const page = await desktopAs(username);
      seen[username] = {};
      if (username === 'supervisor') {
        // Read-only counts for the supervisor's area: one case in each state but rejected; one overdue, one due soon.
        const stat = (kind: string) => page.locator(`.xc-role-panel-stats [data-stat=${kind}] dd`);
        await stat('overdue').waitFor({ timeout: 10_000 });
        const counts = await Promise.all(['overdue', 'due_soon', 'submitted', 'dispatched', 'closed', 'rejected'].map((k) => stat(k).textContent()));
        expect(counts).toEqual(['1', '1', '1', '1', '1', '0']);
      }
      if (username === 'handler1') {
        // 我的任务: the unit's open work, the overdue one first.
        const tasks = page.locator('.xc-role-panel-tasks .xc-task');
        await tasks.first().waitFor({ timeout: 10_000 });
        expect(await Promise.all((await tasks.all()).map((x) => x.getAttribute('data-code')))).toEqual([cases.dispatched.code, cases.in_progress.code]);
      }
      for (const [state, c] of Object.entries(cases)) {
        const allowed = await apiActions(page, c.id);
        seen[username]![state] = allowed;
        if (allowed === null) continue; // out of this user's scope: not in their list either
        await openCase(page, c.code);
        await waitForCase(page, c.code);
        expect(await visibleActions(page), `${username} on a ${state} case`).toEqual(allowed);
        if (username === 'handler1' && state === 'in_progress') await snap(page, 'drawer-03-handler-in-progress');
        if (username === 'supervisor' && state === 'dispatched') await snap(page, 'drawer-04-supervisor-dispatched');
      }
    }
    // The matrix is not empty: the loop's key buttons appeared, a supervisor may only supervise, an admin does nothing.
    expect(seen['dispatcher1']!['submitted']).toEqual(['accept', 'reject', 'merge', 'relocate']);
    expect(seen['handler1']!['in_progress']).toEqual(['rectify', 'return']);
    expect(seen['handler1']!['submitted']).toBeNull();
    for (const actions of Object.values(seen['supervisor']!)) expect(actions!.every((a) => a === 'supervise')).toBe(true);
    expect(seen['supervisor']!['dispatched']).toEqual(['supervise']);
    expect(Object.values(seen['admin']!).flat()).toEqual([]);

    // Inspectors get their own flow on any screen (views/home.ts), not the workbench: no drawer, no buttons of its.
    const ui = await openUiPage(browser!, 'desktop');
    opened.push(ui);
    await ui.page.goto(`${server!.baseUrl}/`);
    await ui.page.getByLabel('用户名').fill('inspector1');
    await ui.page.getByLabel('密码').fill(TEST_PASSWORD);
    await ui.page.getByRole('button', { name: '登录' }).click();
    await ui.page.getByTestId('report').waitFor({ timeout: 15_000 });
    expect(await ui.page.locator('.xc-drawer .xc-action-button').count()).toBe(0);
    expect(await apiActions(ui.page, cases.rectified.id)).toEqual(['recheck_pass', 'recheck_fail']);
    expect(await apiActions(ui.page, cases.dispatched.id)).toEqual([]);
  }, 240_000);

  it('registers and dispatches with a chosen unit and an edited deadline', async () => {
    const inspector = await bearerFor(t!, 'inspector1');
    const fresh = await fileCase(t!, inspector, { description: '河道漂浮物，新上报' });
    const page = await desktopAs('dispatcher1');
    await openCase(page, fresh.code);
    await waitForCase(page, fresh.code);

    // Required fields are named before anything is sent.
    const accept = await openActionForm(page, 'accept');
    await submitForm(accept);
    expect(await accept.getByRole('alert').textContent()).toBe('请选择处置方式。');
    await accept.getByLabel('联合办').check();
    await submitForm(accept);
    await waitForStatus(page, 'registered');

    const dispatch = await openActionForm(page, 'dispatch');
    const unit = dispatch.getByLabel('责任单位');
    await expect.poll(() => unit.locator('option').count()).toBeGreaterThan(1);
    await unit.selectOption({ label: '区水务站' });
    const due = dispatch.getByLabel('处置期限');
    expect(await due.inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    const wanted = new Date(Date.now() + 3 * 86_400_000);
    wanted.setSeconds(0, 0);
    const local = await page.evaluate((ms) => {
      const d = new Date(ms);
      const p = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
    }, wanted.getTime());
    await due.fill(local);
    await snap(page, 'drawer-05-dispatch-form');
    await submitForm(dispatch);
    await waitForStatus(page, 'dispatched');
    expect(await drawer(page).getByRole('status').textContent()).toContain('派遣');

    const res = await page.request.get(`${server!.baseUrl}/api/cases/${fresh.id}`);
    const after = (await res.json()) as { unit: { name: string }; due_at: string };
    expect(after.unit.name).toBe('区水务站');
    expect(new Date(after.due_at).getTime()).toBe(wanted.getTime());
    await expectTimeline(page, ['submit', 'accept', 'dispatch']);
    expect(await drawer(page).locator('.xc-timeline-item[data-action=accept]').textContent()).toContain('联合办');

    // The language switch re-renders the open drawer.
    await page.getByRole('button', { name: 'English' }).click();
    expect(await drawer(page).locator('.xc-state').textContent()).toBe('Dispatched');
    expect(await drawer(page).locator('.xc-timeline-item[data-action=accept] .xc-timeline-action').textContent()).toBe('Register');
    expect(await drawer(page).getByRole('button', { name: 'Close case details' }).count()).toBe(1);
  });

  it('acceptAndDispatch and rectifyWithPhoto: a dispatcher sends a case, its handler fixes it with an after-photo', async () => {
    const inspector = await bearerFor(t!, 'inspector1');
    const fresh = await fileCase(t!, inspector, { description: '楼道电动车充电' });
    const dispatcher = await desktopAs('dispatcher1');
    await openCase(dispatcher, fresh.code);
    await waitForCase(dispatcher, fresh.code);
    await acceptAndDispatch(dispatcher, '绿苑物业');

    const handler = await desktopAs('handler1');
    // The handler's own list (我的任务) has it; it opens the drawer.
    const task = handler.locator(`.xc-role-panel-tasks .xc-task[data-code="${fresh.code}"]`);
    await task.waitFor({ timeout: 15_000 });
    await snap(handler, 'drawer-06-handler-tasks');
    await task.click();
    await waitForCase(handler, fresh.code);
    expect(await visibleActions(handler)).toEqual(['start', 'rectify', 'return']);
    // No photo: the form says what is missing and sends nothing.
    const empty = await openActionForm(handler, 'rectify');
    await submitForm(empty);
    expect(await empty.getByRole('alert').textContent()).toBe('请至少上传一张整改后照片。');
    await drawer(handler).locator('.xc-action-button[data-action=rectify]').click();

    // A slow uplink (as on a phone network) so the bar can be seen moving; Chromium throttles the upload itself.
    const cdp = await handler.context().newCDPSession(handler);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 40_000 });
    const sending = rectifyWithPhoto(handler, AFTER_PHOTO);
    const bar = drawer(handler).locator('form[data-action=rectify] progress');
    await expect.poll(async () => (await bar.isVisible()) && Number(await bar.getAttribute('value')) > 0, { timeout: 10_000 }).toBe(true);
    await snap(handler, 'drawer-07-rectify-progress');
    const progress = await sending;
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    expect(progress.length).toBeGreaterThan(1);
    expect(progress[progress.length - 1]).toBe(1);
    expect(await drawer(handler).locator('.xc-photo-group[data-stage=after] .xc-thumb').count()).toBe(1);
    await expect.poll(() => imageLoaded(handler, '.xc-drawer [data-stage=after] img')).toBe(true);
    await expectTimeline(handler, ['submit', 'accept', 'dispatch', 'rectify']);
    await snap(handler, 'drawer-08-handler-rectified');
  });

  it('merges a duplicate into another case by keyboard alone, every control labelled', async () => {
    const inspector = await bearerFor(t!, 'inspector1');
    const target = await fileCase(t!, inspector, { description: '岸边垃圾堆积（先报）' });
    const duplicate = await fileCase(t!, inspector, { description: '岸边垃圾堆积（重复）' });
    const page = await desktopAs('dispatcher1');
    await openCase(page, duplicate.code);
    await waitForCase(page, duplicate.code);

    await drawer(page).locator('.xc-action-button[data-action=merge]').focus();
    await page.keyboard.press('Enter');
    const form = drawer(page).locator('form[data-action=merge]');
    // Focus moved into the form's search box: type the target's code, Enter searches.
    await expect.poll(() => page.evaluate<string>('document.activeElement.getAttribute("name")')).toBe('q');
    await page.keyboard.type(target.code);
    await page.keyboard.press('Enter');
    const option = form.getByLabel(new RegExp(target.code));
    await option.waitFor();
    await page.keyboard.press('Tab'); // the search button
    await page.keyboard.press('Tab'); // the result
    await page.keyboard.press('Space');
    expect(await option.isChecked()).toBe(true);
    // Every control in the drawer has a name a screen reader can say.
    expect(await unnamedControls(page)).toEqual([]);
    await form.locator('button[type=submit]').focus();
    await page.keyboard.press('Enter');
    await waitForStatus(page, 'merged');
    await expectTimeline(page, ['submit', 'merge']);
  });

  it('a version conflict says someone else acted first and reloads the case', async () => {
    const page = await desktopAs('dispatcher1');
    const c = cases.registered;
    await openCase(page, c.code);
    await waitForCase(page, c.code);
    const form = await openActionForm(page, 'supervise');
    await form.getByLabel('督办意见').fill('请尽快派遣');
    // Meanwhile the supervisor supervises the same case through the API.
    const supervisor = await bearerFor(t!, 'supervisor');
    const current = (await (await t!.app.request(`/api/cases/${c.id}`, { headers: supervisor })).json()) as { id: number; version: number };
    await ok(t!, supervisor, current, 'supervise', { note: '督办：三天内完成' });
    await submitForm(form);
    const alert = drawer(page).getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: 10_000 }).toContain('案件已被他人更新');
    // Reloaded: the supervisor's event is in the timeline and the badge counts it; the form is gone.
    await expectTimeline(page, ['submit', 'accept', 'supervise']);
    expect(await drawer(page).locator('.xc-badge-urgent').textContent()).toContain('1');
    expect(await drawer(page).locator('form.xc-action-form').count()).toBe(0);
    await snap(page, 'drawer-09-conflict');
  });
});
