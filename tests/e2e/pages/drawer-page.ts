// Page objects for the case drawer: read its action buttons and timeline, and take the usual steps through its forms.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The open drawer. */
export function drawer(page: Page): Locator {
  return page.locator('aside.xc-drawer:not([hidden])');
}

/** Waits until the drawer shows a loaded case (optionally this code) and returns its state. */
export async function waitForCase(page: Page, code?: string): Promise<string> {
  const d = drawer(page);
  await expect.poll(async () => (await d.count()) === 1 && (await d.getAttribute('aria-busy')) === 'false', { timeout: 15_000 }).toBe(true);
  if (code) await expect.poll(() => d.locator('.xc-drawer-title').textContent(), { timeout: 15_000 }).toBe(code);
  return (await d.getAttribute('data-status')) ?? '';
}

/** Waits for the drawer's case to reach `status` (after an action). */
export async function waitForStatus(page: Page, status: string): Promise<void> {
  await expect.poll(() => drawer(page).getAttribute('data-status'), { timeout: 20_000 }).toBe(status);
}

/** The actions whose buttons the drawer shows, in their order. */
export async function visibleActions(page: Page): Promise<string[]> {
  await waitForCase(page);
  const buttons = drawer(page).locator('.xc-action-button');
  const out: string[] = [];
  for (const b of await buttons.all()) if (await b.isVisible()) out.push((await b.getAttribute('data-action')) ?? '');
  return out;
}

/** Opens the form of `action` and returns it. */
export async function openActionForm(page: Page, action: string): Promise<Locator> {
  await drawer(page).locator(`.xc-action-button[data-action="${action}"]`).click();
  const form = drawer(page).locator(`form.xc-action-form[data-action="${action}"]`);
  await form.waitFor();
  return form;
}

/** Submits an open action form by its primary button. */
export async function submitForm(form: Locator): Promise<void> {
  await form.locator('button[type=submit]').click();
}

/**
 * Registers a submitted case (协商办) and dispatches it to `unitName` with the proposed deadline,
 * as a dispatcher would; ends with the case dispatched.
 */
export async function acceptAndDispatch(page: Page, unitName: string): Promise<void> {
  const accept = await openActionForm(page, 'accept');
  await accept.getByLabel('协商办').check();
  await submitForm(accept);
  await waitForStatus(page, 'registered');
  const dispatch = await openActionForm(page, 'dispatch');
  const unit = dispatch.getByLabel('责任单位');
  await expect.poll(() => unit.locator('option').count(), { timeout: 10_000 }).toBeGreaterThan(1);
  await unit.selectOption({ label: unitName });
  await submitForm(dispatch);
  await waitForStatus(page, 'dispatched');
}

/**
 * Marks the case rectified with one after-photo from `photoPath`, as a handler would, and returns
 * the upload progress values the page showed on the way (the last one is 1).
 */
export async function rectifyWithPhoto(page: Page, photoPath: string): Promise<number[]> {
  const form = await openActionForm(page, 'rectify');
  await form.getByLabel('整改后照片').setInputFiles(photoPath);
  // Watch the progress bar from inside the page: the upload may be over before a poll would look.
  await page.evaluate(`(() => {
    window.__progress = [];
    const bar = document.querySelector('aside.xc-drawer form[data-action=rectify] progress');
    if (!bar) throw new Error('no progress bar in the rectify form');
    new MutationObserver(() => { if (!bar.hidden) window.__progress.push(bar.value); }).observe(bar, { attributes: true });
  })()`);
  await submitForm(form);
  await waitForStatus(page, 'rectified');
  return page.evaluate<number[]>('window.__progress');
}

/** Expects the timeline to list exactly these actions, oldest first (e.g. ['submit', 'accept', 'dispatch']). */
export async function expectTimeline(page: Page, actions: string[]): Promise<void> {
  await expect
    .poll(async () => Promise.all((await drawer(page).locator('.xc-timeline-item').all()).map((i) => i.getAttribute('data-action'))), { timeout: 10_000 })
    .toEqual(actions);
}

// Page code goes as text: this project's test code compiles without the DOM library.

/** Whether the image `selector` finds has loaded (a broken or pending one has no natural width). */
export function imageLoaded(page: Page, selector: string): Promise<boolean> {
  return page.evaluate<boolean>(`(() => { const img = document.querySelector(${JSON.stringify(selector)}); return !!img && img.complete && img.naturalWidth > 0; })()`);
}

export const lightboxImageLoaded = (page: Page) => imageLoaded(page, '.xc-lightbox img');

/** The photo viewer's zoom factor, read from the image's CSS transform. */
export function lightboxScale(page: Page): Promise<number> {
  return page.evaluate<number>("new DOMMatrix(getComputedStyle(document.querySelector('.xc-lightbox img')).transform).a");
}

/** What has focus: a case code (a list row), a photo stage (a thumbnail), or else the tag name. */
export function focusedElement(page: Page): Promise<string> {
  return page.evaluate<string>("(() => { const el = document.activeElement; return el.dataset.code ?? el.closest('[data-stage]')?.dataset.stage ?? el.tagName; })()");
}

/** The drawer's buttons, inputs, selects and text areas that have no label, aria-label or text (should be none). */
export function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`[...document.querySelectorAll('.xc-drawer button, .xc-drawer input, .xc-drawer select, .xc-drawer textarea')]
    .filter((el) => !(el.labels?.length || el.getAttribute('aria-label') || el.closest('label') || el.textContent.trim()))
    .map((el) => el.outerHTML)`);
}
