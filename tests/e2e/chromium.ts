// Debian's Chromium driven by playwright-core, on a machine with no internet: only 127.0.0.1 may be reached.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'];

export const ARTIFACTS = path.resolve(import.meta.dirname, '../artifacts/map-ui');

export const VIEWPORTS = {
  desktop: { viewport: { width: 1440, height: 900 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
} as const;

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package`);
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

export type UiPage = {
  context: BrowserContext;
  page: Page;
  /** Requests that were aborted because they left 127.0.0.1 (tiles, for one). */
  blocked: string[];
  /** Uncaught exceptions in the page; a healthy UI has none, even with every tile failing. */
  pageErrors: string[];
};

/** A fresh context (own cookies and storage) whose page can reach nothing but the test server. */
export async function openUiPage(browser: Browser, kind: keyof typeof VIEWPORTS): Promise<UiPage> {
  const context = await browser.newContext({ ...VIEWPORTS[kind], deviceScaleFactor: 1, locale: 'zh-CN' });
  // A step that cannot act (a covered or vanished button) fails on its own with its selector,
  // well inside the test's time, instead of hanging the test.
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const blocked: string[] = [];
  const pageErrors: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).hostname === '127.0.0.1') return route.continue();
    blocked.push(url);
    return route.abort('internetdisconnected');
  });
  page.on('pageerror', (err) => pageErrors.push(err.message));
  return { context, page, blocked, pageErrors };
}

/** Saves a screenshot under tests/artifacts/map-ui and returns its path. */
export async function snap(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/**
 * Checks a screenshot is small enough for the repository and, with UPDATE_DOCS_SCREENSHOTS=1,
 * copies it into docs/ (committed). Plain test runs leave the working tree untouched.
 */
export function publish(file: string, docsName: string): void {
  const size = fs.statSync(file).size;
  if (size > 300_000) throw new Error(`${file} is ${size} bytes; docs screenshots must stay under 300 KB`);
  if (process.env.UPDATE_DOCS_SCREENSHOTS === '1') fs.copyFileSync(file, path.resolve(import.meta.dirname, '../../docs', docsName));
}
