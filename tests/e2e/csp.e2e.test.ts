// The Content-Security-Policy holds the real UI: the workbench (map, list, a case with photos) and the
// inspector's report form (photo preview from a blob:, the location map) run in Chromium with no violation.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBasics } from '../helpers/fixtures';
import { bearerFor, createTestApp, type TestApp } from '../helpers/test-app';
import { openTestDb, type TestDb } from '../helpers/test-db';
import { fileCase, type CaseJson } from '../helpers/workflow';
import { launchChromium, openUiPage, type UiPage } from './chromium';
import { fillReport, logInAsInspector } from './pages/inspector-page';
import { logInDesktop, openCase, waitForCaseInList } from './pages/workbench-page';
import { assertUiBuilt, startUiServer, type UiServer } from './ui-server';

const PHOTOS = path.resolve(import.meta.dirname, '../fixtures/photos');

let db: TestDb | undefined;
let t: TestApp;
let server: UiServer | undefined;
let browser: Browser | undefined;
let filed: CaseJson;
const opened: UiPage[] = [];

beforeAll(async () => {
  assertUiBuilt();
  db = await openTestDb();
  await seedBasics(db);
  t = createTestApp(db, { tiandituKey: 'test-key' }, new Date().toISOString());
  filed = await fileCase(t, await bearerFor(t, 'inspector1'));
  server = await startUiServer(t.app.fetch);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  for (const ui of opened) await ui.context.close();
  await browser?.close();
  await server?.close();
  await db?.close();
}, 60_000);

/** Every CSP violation the page reports: the console's "Refused to …" lines and securitypolicyviolation events. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.exposeFunction('__xcCspViolation', (s: string) => violations.push(s));
  // A string, run in the page before its own scripts (this file is compiled without DOM types).
  await page.addInitScript(
    "document.addEventListener('securitypolicyviolation', (e) => window.__xcCspViolation(e.violatedDirective + ': ' + e.blockedURI));",
  );
  return violations;
}

describe('the CSP in a real browser', () => {
  it('the workbench loads, lists and opens a case with no CSP violation', async () => {
    const ui = await openUiPage(browser!, 'desktop');
    opened.push(ui);
    const violations = await watchCsp(ui.page);
    const res = await ui.page.goto(`${server!.baseUrl}/`);
    expect(res!.headers()['content-security-policy']).toContain("script-src 'self'");
    await logInDesktop(ui.page, 'dispatcher1');
    await waitForCaseInList(ui.page, filed.code);
    await openCase(ui.page, filed.code);
    await ui.page.waitForTimeout(1500);
    expect(violations).toEqual([]);
    expect(ui.pageErrors).toEqual([]);
  }, 90_000);

  it("the inspector's report form (photo preview, location map) has no CSP violation", async () => {
    const ui = await logInAsInspector(browser!, server!.baseUrl);
    opened.push(ui);
    const violations = await watchCsp(ui.page);
    await ui.page.reload();
    await ui.page.getByTestId('report').waitFor();
    await fillReport(ui.page, { photoPath: path.join(PHOTOS, 'jpg_gps_DSCN0010.jpg'), category: 'floating_debris', description: '河面漂浮物' });
    await ui.page.waitForTimeout(500);
    expect(violations).toEqual([]);
    expect(ui.pageErrors).toEqual([]);
  }, 90_000);
});
