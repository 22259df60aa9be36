// Reusable steps on the desktop workbench (dispatcher, handler, supervisor) for browser tests.
import type { Locator, Page } from 'playwright-core';
import { TEST_PASSWORD } from '../../helpers/fixtures';

/** The list row of case `code`. */
export const caseRow = (page: Page, code: string): Locator => page.locator(`button.xc-case-row[data-code="${code}"]`);

/** The map marker of case `code` (drawn alone, not inside a cluster). */
export const caseMarker = (page: Page, code: string): Locator => page.locator(`.xc-case-icon[data-code="${code}"]`);

/** Logs in on the login page shown at `/` and waits for the workbench's list and areas to load. */
export async function logInDesktop(page: Page, username: string, password = TEST_PASSWORD): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('.xc-workbench').waitFor({ timeout: 15_000 });
  await page.locator('.xc-list-count:not(:empty), .xc-list-status:not([hidden])').first().waitFor({ timeout: 15_000 });
  await page.locator('.leaflet-overlay-pane path.xc-area').first().waitFor({ timeout: 15_000 });
}

/** Waits until case `code` is a row of the list (a live update may bring it). */
export async function waitForCaseInList(page: Page, code: string, timeout = 15_000): Promise<Locator> {
  const row = caseRow(page, code);
  await row.waitFor({ timeout });
  return row;
}

/** Clicks the case's row and waits for the drawer to show it. */
export async function openCase(page: Page, code: string): Promise<Locator> {
  await (await waitForCaseInList(page, code)).click();
  const drawer = page.locator('.xc-drawer:not([hidden])');
  await drawer.locator('.xc-drawer-title', { hasText: code }).waitFor({ timeout: 10_000 });
  return drawer;
}

/** The codes of the list's rows, top to bottom. */
export async function listedCodes(page: Page): Promise<string[]> {
  // One atomic read: a live refresh may redraw the rows at any moment.
  return page.locator('button.xc-case-row .xc-case-code').allTextContents();
}

/** Picks the given states in the filter bar's state menu (and only them). */
export async function filterStates(page: Page, states: string[]): Promise<void> {
  const menu = page.locator('.xc-filter-menu');
  if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
  for (const box of await menu.locator('input[data-state]').all()) {
    const want = states.includes((await box.getAttribute('data-state')) ?? '');
    if ((await box.isChecked()) !== want) await box.setChecked(want);
  }
  await page.keyboard.press('Escape');
}
