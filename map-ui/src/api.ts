// A small typed client for the XunCha API: JSON in and out, the session cookie, typed errors.
import type { AreaCollection, AreaFilter, LoginResponse, Me, UiConfig } from './api-types';
import type { CaseFeatureCollection, CaseQueryParams, CategoryTree, ClusterCollection, RiverCollection } from './api-types';
import type { CaseActionFields, CaseActionName, CaseDetail, CaseEvent, CaseListPage, UnitOption } from './api-types';

/** An error answer of the API ({ error: { code, message, details? } }), or a request that never got one. */
export class ApiError extends Error {
  constructor(
    /** The HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    /** The API's snake_case code, or `network_error` when there was no answer. */
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Seconds from a Retry-After header (429, 503), when the server sent one. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isNetworkError(): boolean {
    return this.status === 0;
  }
}

type ErrorBody = { error?: { code?: unknown; message?: unknown; details?: unknown } };

async function toApiError(res: Response): Promise<ApiError> {
  const retryAfter = Number(res.headers.get('Retry-After'));
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined;
  let body: ErrorBody = {};
  try {
    body = (await res.json()) as ErrorBody;
  } catch {
    // A proxy's HTML error page, say: keep the status, invent a code.
  }
  const code = typeof body.error?.code === 'string' ? body.error.code : `http_${res.status}`;
  const message = typeof body.error?.message === 'string' ? body.error.message : res.statusText;
  return new ApiError(res.status, code, message, body.error?.details, retryAfterSeconds);
}

/**
 * Sends one request and returns the parsed JSON (undefined for 204). `accept` picks the answer's form where
 * the API has two: GET /api/cases answers GeoJSON to `application/geo+json`.
 * @example await request<Me>('GET', '/api/me')
 */
export async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal, accept = 'application/json'): Promise<T> {
  const headers: Record<string, string> = { Accept: accept };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? null : JSON.stringify(body),
      signal: signal ?? null,
    });
  } catch (err) {
    // An abort is the caller's own doing; pass it on untouched so callers can ignore it.
    if (signal?.aborted) throw err;
    throw new ApiError(0, 'network_error', err instanceof Error ? err.message : 'network error');
  }
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

function query(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The endpoints the map UI uses. */
export const api = {
  config: () => request<UiConfig>('GET', '/api/config'),
  login: (username: string, password: string) => request<LoginResponse>('POST', '/api/auth/login', { username, password }),
  logout: () => request<void>('POST', '/api/auth/logout'),
  me: () => request<Me>('GET', '/api/me'),
  areas: (filter: AreaFilter = {}, signal?: AbortSignal) =>
    request<AreaCollection>(
      'GET',
      `/api/areas${query({ level: filter.level, parent: filter.parent, bbox: filter.bbox?.join(',') })}`,
      undefined,
      signal,
    ),
  // The case drawer: one case, its timeline, acting on it (JSON; photo actions go through upload.ts).
  caseDetail: (id: number, signal?: AbortSignal) => request<CaseDetail>('GET', `/api/cases/${id}`, undefined, signal),
  caseEvents: (id: number, signal?: AbortSignal) => request<{ events: CaseEvent[] }>('GET', `/api/cases/${id}/events`, undefined, signal),
  caseAction: (id: number, action: CaseActionName, version: number, fields: CaseActionFields = {}) =>
    request<CaseDetail>('POST', `/api/cases/${id}/actions`, { action, version, ...fields }),
  /** Units a case may be dispatched to; with `caseId`, also the unit the area rules propose for it. */
  unitOptions: (caseId?: number) =>
    request<{ units: UnitOption[]; default_unit_id: number | null }>('GET', `/api/units${query({ case: caseId?.toString() })}`),
  /** GET /api/cases with any of its filters, as rows and the total: { q: 'XC-2026', limit: '8' }, or { status: 'closed', limit: '1' } for a count. */
  findCases: (params: Record<string, string>, signal?: AbortSignal) => request<CaseListPage>('GET', `/api/cases${query(params)}`, undefined, signal),
  // The workbench map: categories for icons and filters, cases as GeoJSON or server-side clusters, river segments.
  categories: (signal?: AbortSignal) => request<CategoryTree>('GET', '/api/categories', undefined, signal),
  /** GET /api/cases as GeoJSON: a page of cases with `total`. */
  caseFeatures: (params: CaseQueryParams, signal?: AbortSignal) =>
    request<CaseFeatureCollection>('GET', `/api/cases${query(params)}`, undefined, signal, 'application/geo+json'),
  caseClusters: (params: CaseQueryParams, signal?: AbortSignal) =>
    request<ClusterCollection>('GET', `/api/map/clusters${query(params)}`, undefined, signal),
  rivers: (signal?: AbortSignal) => request<RiverCollection>('GET', '/api/rivers', undefined, signal),
};

export type Api = typeof api;
