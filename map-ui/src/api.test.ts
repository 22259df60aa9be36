// The fetch client turns every kind of failure into one typed ApiError the views can read.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api } from './api';

function answer(status: number, body: string, headers: Record<string, string> = {}) {
  vi.stubGlobal('fetch', vi.fn(async () => new Response(body, { status, headers })));
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const err: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(err)}`);
  return err;
}

describe('api client', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('reads the JSON error body and Retry-After of a 429', async () => {
    answer(429, JSON.stringify({ error: { code: 'too_many_attempts', message: 'wait' } }), { 'Retry-After': '42' });
    const err = await failure(api.login('a', 'b'));
    expect([err.status, err.code, err.message, err.retryAfterSeconds]).toEqual([429, 'too_many_attempts', 'wait', 42]);
  });

  it('gives a non-JSON error page a code from its status', async () => {
    answer(502, '<html>Bad Gateway</html>');
    const err = await failure(api.me());
    expect([err.status, err.code, err.isNetworkError]).toEqual([502, 'http_502', false]);
  });

  it('reports an unreachable server as a network error', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const err = await failure(api.config());
    expect([err.status, err.code, err.isNetworkError]).toEqual([0, 'network_error', true]);
  });

  it('sends JSON with the session cookie and reads 204 as no body', async () => {
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetchMock);
    expect(await api.logout()).toBeUndefined();
    await api.login('dispatcher1', 'pw').catch(() => undefined);
    const [url, init] = fetchMock.mock.calls[1] ?? [];
    expect(url).toBe('/api/auth/login');
    expect(init?.credentials).toBe('same-origin');
    expect(JSON.parse(String(init?.body))).toEqual({ username: 'dispatcher1', password: 'pw' });
  });

  it('builds the areas query from its filter', async () => {
    const fetchMock = vi.fn(async (_url: string) => new Response('{"type":"FeatureCollection","features":[]}', { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    await api.areas({ level: 'grid', bbox: [120.5, 31.2, 120.6, 31.3] });
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/areas?level=grid&bbox=120.5%2C31.2%2C120.6%2C31.3');
  });
});
