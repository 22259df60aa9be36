// Upload errors must read exactly like api.ts errors, so views handle both with one code path.
import { describe, expect, it } from 'vitest';
import { apiErrorFromAnswer } from './upload';

describe('apiErrorFromAnswer', () => {
  it('reads the JSON error body, its details and Retry-After', () => {
    const body = JSON.stringify({ error: { code: 'invalid_photo', message: 'not an image', details: { index: 1 } } });
    const err = apiErrorFromAnswer(422, 'Unprocessable Entity', body, '7');
    expect([err.status, err.code, err.message, err.details, err.retryAfterSeconds]).toEqual([
      422,
      'invalid_photo',
      'not an image',
      { index: 1 },
      7,
    ]);
    expect(err.isNetworkError).toBe(false);
  });

  it('gives a non-JSON error page a code from its status and no Retry-After', () => {
    const err = apiErrorFromAnswer(503, 'Service Unavailable', '<html>busy</html>', null);
    expect([err.status, err.code, err.message, err.retryAfterSeconds]).toEqual([503, 'http_503', 'Service Unavailable', undefined]);
  });

  it('ignores a Retry-After that is not a positive number', () => {
    expect(apiErrorFromAnswer(429, '', '{}', 'soon').retryAfterSeconds).toBeUndefined();
    expect(apiErrorFromAnswer(429, '', '{}', '0').retryAfterSeconds).toBeUndefined();
  });
});
