// The workbench's filter state and how it becomes the query of GET /api/cases and GET /api/map/clusters.
import type { CaseQueryParams, CaseState } from '../../api-types';

export type CaseFilter = {
  /** Empty: every state. */
  status: readonly CaseState[];
  /** A category code, or '' for all. */
  category: string;
  /** An area code, or '' for the whole scope. */
  area: string;
  overdue: boolean;
  dueSoon: boolean;
  /** Report dates as the date inputs give them (YYYY-MM-DD, local time), or ''. Both ends are included. */
  from: string;
  to: string;
};

export type SortOrder = 'newest' | 'oldest';

export const EMPTY_FILTER: CaseFilter = { status: [], category: '', area: '', overdue: false, dueSoon: false, from: '', to: '' };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Local midnight of `date` (YYYY-MM-DD) plus `days`, as an ISO instant. */
function localMidnight(date: string, days = 0): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + days).toISOString();
}

/**
 * The filters as query parameters; the `to` day is included, so the bound is the next local midnight.
 * @example filterParams({ ...EMPTY_FILTER, status: ['submitted'], overdue: true }) // { status: 'submitted', overdue: 'true' }
 */
export function filterParams(f: CaseFilter): CaseQueryParams {
  const params: CaseQueryParams = {};
  if (f.status.length) params.status = f.status.join(',');
  if (f.category) params.category = f.category;
  if (f.area) params.area = f.area;
  if (f.overdue) params.overdue = 'true';
  if (f.dueSoon) params.due_soon = 'true';
  if (DATE.test(f.from)) params.from = localMidnight(f.from);
  if (DATE.test(f.to)) params.to = localMidnight(f.to, 1);
  return params;
}

/** How many filters are set, for the "clear filters" button and the screen-reader summary. */
export function activeFilterCount(f: CaseFilter): number {
  return [f.status.length > 0, f.category, f.area, f.overdue, f.dueSoon, f.from, f.to].filter(Boolean).length;
}

/** The list's page query: the filters, the order and the page. */
export function listParams(f: CaseFilter, sort: SortOrder, page: number, limit: number): CaseQueryParams {
  return { ...filterParams(f), sort, page: String(page), limit: String(limit) };
}

/** A WGS-84 bbox as the API writes it, rounded to ~1 m so equal views give equal queries. */
export function bboxParam(bbox: readonly [number, number, number, number]): string {
  return bbox.map((v) => v.toFixed(5)).join(',');
}
