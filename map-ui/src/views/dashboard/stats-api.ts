// GET /api/stats as the dashboard reads it (see api/src/features/stats/stats.schemas.ts for each formula).
import { request } from '../../api';

/** The 数字城管 indicators; every rate is null when its denominator is 0. */
export type Indicators = {
  received: number;
  registered: number;
  registration_rate: number | null;
  dispatched: number;
  due: number;
  closed: number;
  closure_rate: number | null;
  closed_on_time: number;
  on_time_rate: number | null;
  overdue: number;
  reworked: number;
  rework_rate: number | null;
  median_hours_to_close: number | null;
  p90_hours_to_close: number | null;
};

export type StatGroup = 'area' | 'category' | 'unit' | 'day' | 'week';

/** One bucket: a child area, category or unit by code (null: no unit), or a day / week start (YYYY-MM-DD). */
export type StatsGroupRow = Indicators & { key: string | null; name: string | null };

export type StatsResponse = {
  from: string;
  to: string;
  area: { id: number; code: string; name: string; level: string } | null;
  totals: Indicators;
  groups?: StatsGroupRow[];
};

export type StatsQuery = { area?: string | undefined; from: string; to: string; group?: StatGroup };

/** @example fetchStats({ area: 'S1', from: '2026-11-01', to: '2026-12-01', group: 'unit' }) */
export function fetchStats(q: StatsQuery, signal?: AbortSignal): Promise<StatsResponse> {
  const params = new URLSearchParams({ from: q.from, to: q.to });
  if (q.area) params.set('area', q.area);
  if (q.group) params.set('group', q.group);
  return request<StatsResponse>('GET', `/api/stats?${params.toString()}`, undefined, signal);
}
