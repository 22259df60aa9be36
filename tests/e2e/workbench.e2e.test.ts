// The desktop workbench in a real Chromium against the real app (1440×900): list and map side by side,
// filters, layers and base maps (GCJ-02 shift on Amap), live updates over SSE, the keyboard, and no tile server.
import gcoord from 'gcoord';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedBasics, type Fixtures } from '../helpers/fixtures';
import { bearerFor, createTestApp, type TestApp } from '../helpers/test-app';
import { openTestDb, type TestDb } from '../helpers/test-db';
import { fileCase, ok, type CaseJson } from '../helpers/workflow';
import { launchChromium, openUiPage, snap, type UiPage } from './chromium';
import { caseMarker, caseRow, filterStates, listedCodes, logInDesktop, openCase, waitForCaseInList } from './pages/workbench-page';
import { assertUiBuilt, startUiServer, type UiServer } from './ui-server';

let db: TestDb | undefined;
let t: TestApp;
let fx: Fixtures;
let server: UiServer | undefined;
let browser: Browser | undefined;
const opened: UiPage[] = [];
const auth: Record<string, Record<string, string>> = {};
/** A: river garbage (its own category), B: registered, C: in the second micro-grid. */
let A: CaseJson, B: CaseJson, C: CaseJson;

beforeAll(async () => {
  assertUiBuilt();
  db = await openTestDb();
  fx = await seedBasics(db);
  await db.query(
    `INSERT INTO river_segments (code, river_name, name, chief_name, area_id, geom)
     VALUES ('R-W', '清溪河', '清溪河西段', '王河长', $1, ST_SetSRID(ST_GeomFromGeoJSON($2), 4326))`,
    [fx.areaIds.S1, JSON.stringify({ type: 'LineString', coordinates: [[120.5, 31.215], [120.53, 31.225], [120.55, 31.222]] })],
  );
  // Tianditu needs a key to be offered; Amap's tiles point at a closed port, as on a closed network.
  t = createTestApp(db, { tiandituKey: 'test-key', amapTileUrl: 'http://127.0.0.1:9/amap/{z}/{x}/{y}.png' }, new Date().toISOString());
  for (const u of ['inspector1', 'dispatcher1']) auth[u] = await bearerFor(t, u);
  A = await fileCase(t, auth.inspector1!, { category: 'bank_garbage', lat: 31.203, lon: 120.503 });
  B = await fileCase(t, auth.inspector1!, { lat: 31.207, lon: 120.507 });
  C = await fileCase(t, auth.inspector1!, { lat: 31.204, lon: 120.514 });
  await ok(t, auth.dispatcher1!, B, 'accept', { handling_mode: 'consultation' });
  server = await startUiServer(t.app.fetch);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db?.close();
}, 60_000);

async function workbenchAs(username: string): Promise<UiPage> {
  const ui = await openUiPage(browser!, 'desktop');
  opened.push(ui);
  await ui.page.goto(`${server!.baseUrl}/`);
  await logInDesktop(ui.page, username);
  return ui;
}

/** Cases drawn on the map: single markers plus the counts of clusters. */
async function casesOnMap(page: Page): Promise<number> {
  const singles = await page.locator('.xc-case-icon').count();
  const clustered = (await page.locator('.xc-cluster-count').allTextContents()).reduce((s, n) => s + Number(n), 0);
  return singles + clustered;
}

/** The centre of the element on screen, waiting for it: a filter change or a live update may be redrawing the markers. */
async function centre(page: Page, selector: string): Promise<{ x: number; y: number }> {
  let box: { x: number; y: number; width: number; height: number } | null = null;
  await expect.poll(async () => (box = await page.locator(selector).boundingBox()) !== null, { timeout: 10_000 }).toBe(true);
  const { x, y, width, height } = box!;
  return { x: x + width / 2, y: y + height / 2 };
}

/** Web Mercator pixel coordinates of a lon/lat at zoom z (256 px tiles), as Leaflet draws them. */
function mercatorPx([lon, lat]: [number, number], z: number): { x: number; y: number } {
  const scale = 256 * 2 ** z;
  const phi = (lat * Math.PI) / 180;
  return { x: ((lon + 180) / 360) * scale, y: ((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * scale };
}

describe('the dispatcher workbench in Chromium', () => {
  afterEach(async () => {
    const pages = opened.splice(0);
    for (const ui of pages) await ui.context.close();
    for (const ui of pages) expect(ui.pageErrors, 'uncaught exceptions in the page').toEqual([]);
  });

  it('shows list and map side by side, with areas, rivers and cases on a plain background when no tile server answers', async () => {
    const { page, blocked } = await workbenchAs('dispatcher1');
    for (const c of [A, B, C]) await waitForCaseInList(page, c.code);
    expect(await listedCodes(page)).toEqual([C.code, B.code, A.code]);
    const side = await page.locator('.xc-workbench-side').boundingBox();
    const map = await page.locator('.xc-workbench-map').boundingBox();
    expect(side!.x + side!.width).toBeLessThanOrEqual(map!.x + 1);
    expect(map!.width).toBeGreaterThan(900);
    expect(map!.height).toBeGreaterThan(650);
    // Tiles were asked for and refused; the map says so and still draws everything else.
    await expect.poll(() => page.locator('[data-notice=basemap]').count(), { timeout: 10_000 }).toBe(1);
    expect(blocked.some((url) => url.includes('tile.openstreetmap.org'))).toBe(true);
    expect(await page.locator('path.xc-area').count()).toBe(10);
    expect(await page.locator('path.xc-river').count()).toBe(1);
    await expect.poll(() => casesOnMap(page), { timeout: 10_000 }).toBe(3);
    // The list's badges and the state legend.
    expect(await caseRow(page, B.code).locator('.xc-status-chip').textContent()).toBe('已立案');
    expect(await page.locator('.xc-case-legend').textContent()).toContain('待受理');
    await page.mouse.move(0, 0);
    await snap(page, 'wb-01-workbench');
  });

  it('filters change the list and the map together', async () => {
    const { page } = await workbenchAs('dispatcher1');
    await expect.poll(() => casesOnMap(page), { timeout: 10_000 }).toBe(3);
    await filterStates(page, ['registered']);
    await expect.poll(() => listedCodes(page)).toEqual([B.code]);
    await expect.poll(() => casesOnMap(page)).toBe(1);
    await caseMarker(page, B.code).waitFor();
    expect(await page.locator('.xc-filter-summary').textContent()).toBe('1 种状态');

    await filterStates(page, []);
    await page.getByLabel('类别').selectOption('bank_garbage');
    await expect.poll(() => listedCodes(page)).toEqual([A.code]);
    await expect.poll(() => casesOnMap(page)).toBe(1);

    await page.getByLabel('类别').selectOption('');
    await page.getByLabel('区域').selectOption('M2');
    await expect.poll(() => listedCodes(page)).toEqual([C.code]);

    // Nothing is overdue yet: an empty list that says so, and no markers.
    await page.getByLabel('区域').selectOption('');
    await page.getByLabel('已超期').check();
    await expect.poll(() => page.locator('.xc-list-status').textContent()).toBe('没有符合条件的案件。');
    await expect.poll(() => casesOnMap(page)).toBe(0);
    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(() => listedCodes(page)).toEqual([C.code, B.code, A.code]);
    expect(await page.getByLabel('已超期').isChecked()).toBe(false);

    // Oldest first, then a report date range that ends before today.
    await page.getByLabel('排序').selectOption('oldest');
    await expect.poll(() => listedCodes(page)).toEqual([A.code, B.code, C.code]);
    await page.getByLabel('上报日期从').fill('2020-01-01');
    await page.getByLabel('至', { exact: true }).fill('2020-01-31');
    await expect.poll(() => listedCodes(page)).toEqual([]);
  });

  it('a case reported through the API appears live, marked new, on an open page', async () => {
    const { page } = await workbenchAs('dispatcher1');
    await expect.poll(() => page.locator('.xc-live').getAttribute('data-live'), { timeout: 10_000 }).toBe('open');
    const fresh = await fileCase(t, auth.inspector1!, { category: 'floating_debris', lat: 31.206, lon: 120.502 });
    const row = await waitForCaseInList(page, fresh.code, 20_000);
    expect(await row.locator('.xc-row-badge-new').textContent()).toBe('新案件');
    expect((await listedCodes(page))[0]).toBe(fresh.code);
    await expect.poll(() => casesOnMap(page), { timeout: 10_000 }).toBe(4);
    await snap(page, 'wb-02-live-new-case');
  });

  it('names the areas on the map, the level that suits the zoom, and hides them with their level', async () => {
    const { page } = await workbenchAs('dispatcher1');
    const map = page.locator('.xc-workbench-map');
    // Zoom in with the wheel over the cases (they lie in grid G1), as a dispatcher would.
    const at = await centre(page, `.xc-case-icon[data-code="${A.code}"]`);
    const zoomTo = async (z: number) => {
      while (Number(await map.getAttribute('data-zoom')) < z) {
        const before = Number(await map.getAttribute('data-zoom'));
        await page.mouse.move(at.x + 30, at.y - 30);
        await page.mouse.wheel(0, -120);
        await expect.poll(async () => Number(await map.getAttribute('data-zoom'))).toBeGreaterThan(before);
      }
    };
    await zoomTo(15);
    await expect.poll(() => page.locator('.xc-area-label-grid').allTextContents()).toContain('西一第一网格');
    expect(await page.locator('.xc-area-label-micro_grid').count()).toBe(0);
    await snap(page, 'wb-02b-area-names');
    // Names sit below the case markers (their own pane), and go with their level.
    await page.locator('input[data-level=grid]').uncheck();
    await expect.poll(() => page.locator('.xc-area-label-grid').count()).toBe(0);
    // With grids hidden, the level above takes the names.
    await expect.poll(() => page.locator('.xc-area-label-community').allTextContents()).toContain('西一社区');
  });

  it('layers toggle, and the base-map switcher offers OSM, Tianditu (with a key), Amap and none', async () => {
    const { page } = await workbenchAs('dispatcher1');
    const layers = page.locator('.xc-layers');
    const radios = await layers.locator('input[data-basemap]').all();
    expect(await Promise.all(radios.map((r) => r.getAttribute('value')))).toEqual(['osm', 'tianditu', 'amap', 'none']);
    expect(await layers.textContent()).toContain('开放街图 OpenStreetMap');
    expect(await layers.textContent()).toContain('天地图');
    expect(await layers.textContent()).toContain('高德地图');
    expect(await page.getByLabel('开放街图 OpenStreetMap').isChecked()).toBe(true);

    await page.getByLabel('网格边界').uncheck();
    expect(await page.locator('path.xc-area').count()).toBe(0);
    await page.getByLabel('河段').uncheck();
    expect(await page.locator('path.xc-river').count()).toBe(0);
    await page.getByLabel('案件标注').uncheck();
    expect(await page.locator('.xc-case-icon, .xc-cluster-icon').count()).toBe(0);
    await page.getByLabel('网格边界').check();
    await page.getByLabel('河段').check();
    await page.getByLabel('案件标注').check();
    expect(await page.locator('path.xc-area').count()).toBe(10);
    expect(await page.locator('path.xc-river').count()).toBe(1);
    await expect.poll(() => casesOnMap(page)).toBeGreaterThanOrEqual(3);

    // Tianditu draws WGS-84 as is; "none" is a plain background with no tile requests and no notice.
    await page.getByLabel('天地图').check();
    expect(await page.locator('.xc-workbench-map').getAttribute('data-datum')).toBe('wgs84');
    await page.getByLabel('无底图（纯色背景）').check();
    await expect.poll(() => page.locator('[data-notice=basemap]').count()).toBe(0);
    expect(await page.locator('.leaflet-tile-pane img').count()).toBe(0);
  });

  it('on Amap the same case is drawn at its GCJ-02 position while the API keeps WGS-84', async () => {
    const { page } = await workbenchAs('dispatcher1');
    await page.getByLabel('类别').selectOption('bank_garbage');
    // Wait for the filtered list, so the marker read below is the redrawn one.
    await expect.poll(() => listedCodes(page)).toEqual([A.code]);
    const marker = caseMarker(page, A.code);
    await marker.waitFor();
    const stored: [number, number] = [Number(await marker.getAttribute('data-lon')), Number(await marker.getAttribute('data-lat'))];
    const before = await centre(page, `.xc-case-icon[data-code="${A.code}"]`);
    const zoom = Number(await page.locator('.xc-workbench-map').getAttribute('data-zoom'));

    await page.getByLabel('高德地图').check();
    expect(await page.locator('.xc-workbench-map').getAttribute('data-datum')).toBe('gcj02');
    const gcj = gcoord.transform(stored, gcoord.WGS84, gcoord.GCJ02) as [number, number];
    const want = { x: mercatorPx(gcj, zoom).x - mercatorPx(stored, zoom).x, y: mercatorPx(gcj, zoom).y - mercatorPx(stored, zoom).y };
    expect(Math.hypot(want.x, want.y)).toBeGreaterThan(5); // a visible shift at this zoom
    await expect
      .poll(async () => {
        const after = await centre(page, `.xc-case-icon[data-code="${A.code}"]`);
        return Math.hypot(after.x - before.x - want.x, after.y - before.y - want.y);
      })
      .toBeLessThan(1.5);
    // The areas moved with it: the marker stays inside its micro-grid.
    // The data is untouched: the marker and the API still carry the WGS-84 point.
    expect(Number(await caseMarker(page, A.code).getAttribute('data-lon'))).toBe(stored[0]);
    const api = (await (await page.request.get(`${server!.baseUrl}/api/cases/${A.id}`)).json()) as { location: { coordinates: [number, number] } };
    expect(api.location.coordinates[0]).toBeCloseTo(120.503, 6);
    expect(api.location.coordinates[1]).toBeCloseTo(31.203, 6);
    await snap(page, 'wb-03-amap-shifted');

    // Back on OSM the marker returns to where it was.
    await page.getByLabel('开放街图 OpenStreetMap').check();
    await expect.poll(async () => {
      const back = await centre(page, `.xc-case-icon[data-code="${A.code}"]`);
      return Math.hypot(back.x - before.x, back.y - before.y);
    }).toBeLessThan(1.5);
  });

  it('the keyboard reaches the list with Tab, moves with the arrows and opens a case with Enter', async () => {
    const { page } = await workbenchAs('dispatcher1');
    await waitForCaseInList(page, A.code);
    let onRow = false;
    for (let i = 0; i < 40 && !onRow; i++) {
      await page.keyboard.press('Tab');
      onRow = (await page.evaluate('document.activeElement?.className')) === 'xc-case-row';
    }
    expect(onRow, 'Tab reaches the case list').toBe(true);
    const first = (await listedCodes(page))[0]!;
    expect(await page.evaluate('document.activeElement?.dataset.code')).toBe(first);
    await page.keyboard.press('ArrowDown');
    const second = (await listedCodes(page))[1]!;
    expect(await page.evaluate('document.activeElement?.dataset.code')).toBe(second);
    expect(await caseRow(page, second).getAttribute('aria-current')).toBe('true');
    await page.keyboard.press('Enter');
    const drawer = page.locator('.xc-drawer:not([hidden])');
    await drawer.locator('.xc-drawer-title', { hasText: second }).waitFor({ timeout: 10_000 });
    await snap(page, 'wb-04-keyboard-drawer');
    // Escape closes the drawer (the drawer's own rule) and the selection goes with it.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.xc-drawer:not([hidden])').count()).toBe(0);
  });

  it('a supervisor gets the same map and list, read-only, with their panel beside the list', async () => {
    const { page } = await workbenchAs('supervisor');
    for (const c of [A, B, C]) await waitForCaseInList(page, c.code);
    await expect.poll(() => casesOnMap(page), { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    const drawer = await openCase(page, A.code);
    // Supervisors may urge (督办) open work but never take it in.
    expect(await drawer.getByRole('button', { name: '受理立案' }).count()).toBe(0);
    await page.mouse.move(0, 0);
    await snap(page, 'wb-05-supervisor');
  });

  it('clicking a marker selects its row and opens the drawer; the page object opens a case by its row', async () => {
    const { page } = await workbenchAs('dispatcher1');
    await page.getByLabel('类别').selectOption('bank_garbage');
    await caseMarker(page, A.code).click();
    await page.locator('.xc-drawer:not([hidden]) .xc-drawer-title', { hasText: A.code }).waitFor({ timeout: 10_000 });
    expect(await caseRow(page, A.code).getAttribute('aria-current')).toBe('true');
    expect(await caseMarker(page, A.code).evaluate((el) => el.classList.contains('is-selected'))).toBe(true);
    await page.getByLabel('类别').selectOption('');
    const drawer = await openCase(page, C.code);
    expect(await drawer.textContent()).toContain(C.code);
  });
});
