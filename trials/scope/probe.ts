// The endpoints a scope trial asks, for one user: each returns the case ids the user got to see or act on.
import { send, reportForm } from '../lib/http';
import { photoFixture } from '../../tests/fixtures/photos';

export type CaseRef = { id: number; lat: number; lon: number; category: string; photoId: string | null; version: number };

type Ids = { cases?: { id: number }[] };
const H = (auth: Record<string, string>) => ({ headers: auth });

/** Every case id on every page of the list. */
export async function listIds(base: string, auth: Record<string, string>): Promise<number[]> {
  const ids: number[] = [];
  for (let page = 1; ; page++) {
    const r = await send(base, `/api/cases?limit=200&page=${page}`, H(auth));
    if (r.status !== 200) throw new Error(`list: ${r.status} ${r.text.slice(0, 200)}`);
    const got = (r.body as Ids).cases ?? [];
    ids.push(...got.map((c) => c.id));
    if (got.length < 200) return ids;
  }
}

export async function detail(base: string, auth: Record<string, string>, id: number) {
  const r = await send(base, `/api/cases/${id}`, H(auth));
  const dups = ((r.body as { possible_duplicates?: { id: number }[] }).possible_duplicates ?? []).map((d) => d.id);
  return { status: r.status, dups };
}

export async function nearbyIds(base: string, auth: Record<string, string>, c: CaseRef): Promise<{ status: number; ids: number[] }> {
  const r = await send(base, `/api/cases/nearby?lat=${c.lat}&lon=${c.lon}&category=${c.category}`, H(auth));
  return { status: r.status, ids: ((r.body as Ids).cases ?? []).map((x) => x.id) };
}

/** The map over the whole district: the single cases' ids, and how many cases the clusters count in all. */
export async function clusterIds(base: string, auth: Record<string, string>, bbox: string): Promise<{ status: number; ids: number[]; total: number }> {
  const r = await send(base, `/api/map/clusters?bbox=${bbox}&zoom=14`, H(auth));
  type F = { properties?: { kind?: string; id?: number; count?: number } };
  const feats = ((r.body as { features?: F[] }).features ?? []);
  const ids = feats.filter((f) => f.properties?.kind === 'case').map((f) => f.properties!.id!);
  const clustered = feats.filter((f) => f.properties?.kind === 'cluster').reduce((n, f) => n + (f.properties!.count ?? 0), 0);
  return { status: r.status, ids, total: ids.length + clustered };
}

export async function photoStatus(base: string, auth: Record<string, string>, photoId: string): Promise<number> {
  return (await send(base, `/photos/${photoId}/thumb`, H(auth))).status;
}

export async function eventsStatus(base: string, auth: Record<string, string>, id: number): Promise<number> {
  return (await send(base, `/api/cases/${id}/events`, H(auth))).status;
}

/** Supervise (督办) with the case's version: any role but supervisor/admin is refused, but never by acting unseen. */
export async function actStatus(base: string, auth: Record<string, string>, c: CaseRef): Promise<number> {
  return (await send(base, `/api/cases/${c.id}/actions`, {
    method: 'POST', headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'supervise', version: c.version, note: 'scope trial probe' }),
  })).status;
}

export async function addReportStatus(base: string, auth: Record<string, string>, c: CaseRef): Promise<number> {
  const form = reportForm([['p.jpg', photoFixture('jpg_gps_DSCN0010.jpg')]], { lat: c.lat, lon: c.lon, description: 'scope trial' });
  return (await send(base, `/api/cases/${c.id}/reports`, { method: 'POST', headers: auth, body: form })).status;
}

export async function statsReceived(base: string, auth: Record<string, string>, from: string, to: string): Promise<{ status: number; received: number; areaRows: number }> {
  const t = await send(base, `/api/stats?from=${from}&to=${to}`, H(auth));
  const g = await send(base, `/api/stats?from=${from}&to=${to}&group=area`, H(auth));
  const received = (t.body as { totals?: { received?: number } }).totals?.received ?? NaN;
  const rows = (g.body as { groups?: unknown[]; rows?: unknown[] });
  return { status: Math.max(t.status, g.status), received, areaRows: (rows.groups ?? rows.rows ?? []).length };
}
