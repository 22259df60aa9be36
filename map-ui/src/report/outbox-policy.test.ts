// A queued report is retried when that can help, and shown to the user when it cannot.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { BACKOFF, retryDelayMs, verdictFor } from './outbox-policy';

describe('verdictFor', () => {
  it('retries network failures, server errors and rate limits', () => {
    expect(verdictFor(new ApiError(0, 'network_error', 'offline'))).toBe('retry');
    expect(verdictFor(new ApiError(503, 'unavailable', 'busy'))).toBe('retry');
    expect(verdictFor(new ApiError(500, 'internal', 'oops'))).toBe('retry');
    expect(verdictFor(new ApiError(429, 'too_many', 'slow down'))).toBe('retry');
    expect(verdictFor(new ApiError(409, 'idempotency_in_progress', 'still running'))).toBe('retry');
    expect(verdictFor(new TypeError('odd'))).toBe('retry');
  });

  it('never retries a refusal on its own, and waits for a login after a 401', () => {
    expect(verdictFor(new ApiError(422, 'location_required', 'no GPS'))).toBe('fail');
    expect(verdictFor(new ApiError(415, 'unsupported_media_type', 'not an image'))).toBe('fail');
    expect(verdictFor(new ApiError(409, 'case_not_open', 'closed'))).toBe('fail');
    expect(verdictFor(new ApiError(401, 'unauthorized', 'log in'))).toBe('relogin');
  });
});

describe('retryDelayMs', () => {
  it('doubles from the first delay, with jitter between half and all of it', () => {
    expect(retryDelayMs(1, undefined, () => 1)).toBe(BACKOFF.firstMs);
    expect(retryDelayMs(1, undefined, () => 0)).toBe(BACKOFF.firstMs / 2);
    expect(retryDelayMs(3, undefined, () => 1)).toBe(BACKOFF.firstMs * 4);
  });

  it('is capped, and never shorter than Retry-After', () => {
    expect(retryDelayMs(40, undefined, () => 1)).toBe(BACKOFF.maxMs);
    expect(retryDelayMs(1, 30, () => 0)).toBe(30_000);
  });
});
