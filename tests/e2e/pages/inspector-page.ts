// Page objects for the inspector's phone flow, for this file's tests and for cross-role stories:
// log in on a phone, report a case, find it under 我的上报, pass a recheck with a photo.
import type { Browser, Page } from 'playwright-core';
import { TEST_PASSWORD } from '../../helpers/fixtures';
import { openUiPage, type UiPage } from '../chromium';

/** Opens a phone-sized page on `baseUrl` and logs in as an inspector; resolves on the inspector home. */
export async function logInAsInspector(browser: Browser, baseUrl: string, username = 'inspector1', password = TEST_PASSWORD): Promise<UiPage> {
  const ui = await openUiPage(browser, 'phone');
  await ui.page.goto(`${baseUrl}/`);
  await ui.page.getByLabel('用户名').fill(username);
  await ui.page.getByLabel('密码').fill(password);
  await ui.page.getByRole('button', { name: '登录' }).click();
  await ui.page.getByTestId('report').waitFor();
  return ui;
}

/** Back to the inspector home from any of its screens. */
export async function goHome(page: Page): Promise<void> {
  const back = page.locator('.xc-insp-back');
  if (await back.isVisible()) await back.click();
  await page.getByTestId('report').waitFor();
}

export type ReportInput = {
  /** A photo file on disk (tests/fixtures/photos/…). */
  photoPath: string;
  /** A category code, e.g. 'floating_debris'. */
  category: string;
  description: string;
  /** Tap the map to place the pin by hand (for photos without GPS and no phone fix). */
  tapMap?: boolean;
};

/** Opens the report form and fills it in; leaves it unsent, so a test can look before sending. */
export async function fillReport(page: Page, input: ReportInput): Promise<void> {
  await goHome(page);
  await page.getByTestId('report').click();
  await page.getByTestId('photos-gallery').setInputFiles(input.photoPath);
  await page.locator('.xc-insp-thumb img').first().waitFor();
  await page.locator(`label.xc-insp-tile:has(input[value="${input.category}"])`).click();
  await page.getByLabel('问题描述').fill(input.description);
  if (input.tapMap) {
    await page.getByTestId('location-map').click();
  }
  // The pin is placed once the photo's GPS is read (or the map was tapped).
  await page.locator('[data-testid=location-status][data-source]').waitFor();
}

/** Sends the filled-in form; resolves to the home notice's text. */
export async function sendReport(page: Page): Promise<string> {
  await page.getByRole('button', { name: '提交上报' }).click();
  const notice = page.locator('.xc-insp-home .xc-insp-notice');
  await notice.filter({ hasText: /\S/ }).waitFor({ timeout: 20_000 });
  return (await notice.textContent()) ?? '';
}

/** Reports a problem and returns the new case's code (XC-…). */
export async function reportCase(page: Page, input: ReportInput): Promise<string> {
  await fillReport(page, input);
  const notice = await sendReport(page);
  const code = /XC-\d{8}-\d+/.exec(notice)?.[0];
  if (!code) throw new Error(`no case code in the notice "${notice}"`);
  return code;
}

/** Opens 我的上报 and returns the state shown for case `code`. */
export async function findInMyReports(page: Page, code: string): Promise<string> {
  await goHome(page);
  await page.getByTestId('mine').click();
  const card = page.locator(`[data-testid=my-reports] [data-code="${code}"]`);
  await card.waitFor();
  return (await card.locator('.xc-insp-chip').textContent()) ?? '';
}

/**
 * Opens 待核查, rechecks case `code` as passed with the photo at `photoPath`, and resolves once the
 * server accepted it. The page's context must grant geolocation near the case (the server checks it).
 */
export async function recheckPass(page: Page, code: string, photoPath: string): Promise<void> {
  await goHome(page);
  await page.getByTestId('recheck').click();
  const card = page.locator(`[data-testid=recheck-list] [data-code="${code}"]`);
  await card.getByRole('button', { name: '去核查' }).click();
  const form = page.locator(`form.xc-insp-recheck[data-code="${code}"]`);
  await form.getByTestId('recheck-photos-gallery').setInputFiles(photoPath);
  await form.locator('label.xc-insp-verdict-pass').click();
  await form.getByRole('button', { name: '提交核查' }).click();
  await page.locator('.xc-insp-screen .xc-insp-notice', { hasText: code }).waitFor({ timeout: 20_000 });
}
