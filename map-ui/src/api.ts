// A small typed client for the XunCha API: JSON in and out, the session cookie, typed errors.
import type { AreaCollection, AreaFilter, LoginResponse, Me, UiConfig } from './api-types';

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
 * Sends one request and returns the parsed JSON (undefined for 204).
 * @example await request<Me>('GET', '/api/me')
 */
export async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/geo+json' };
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
};

export type Api = typeof api;
