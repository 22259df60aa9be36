// The one error type of the API and the handler that turns any thrown error into
// DESIGN.md's JSON error body: { "error": { "code", "message", "details"? } }.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from 'pino';

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export type ErrorBody = { error: { code: string; message: string; details?: unknown } };

export function errorBody(code: string, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** Hono's own exceptions carry a status and a text; give them a code of ours. */
function fromHttpException(err: HTTPException): ApiError {
  const message = err.message || 'request failed';
  if (err.status === 400) {
    const code = /json/i.test(message) ? 'malformed_json' : /form|multipart/i.test(message) ? 'malformed_body' : 'bad_request';
    return new ApiError(400, code, message);
  }
  if (err.status === 415) return new ApiError(415, 'unsupported_media_type', 'unsupported Content-Type for this endpoint');
  if (err.status === 413) return new ApiError(413, 'payload_too_large', message);
  if (err.status === 401) return new ApiError(401, 'unauthenticated', message);
  return new ApiError(err.status as ContentfulStatusCode, 'http_error', message);
}

/** The app-level onError: known errors become their JSON body; anything else is logged and a 500. */
export function errorHandler(logger: Logger) {
  return function onError(err: Error, c: Context) {
    const apiErr = err instanceof ApiError ? err : err instanceof HTTPException ? fromHttpException(err) : undefined;
    if (apiErr) {
      for (const [k, v] of Object.entries(apiErr.headers ?? {})) c.header(k, v);
      return c.json(errorBody(apiErr.code, apiErr.message, apiErr.details), apiErr.status);
    }
    if (isDatabaseUnavailable(err)) {
      logger.error({ err, method: c.req.method, path: c.req.path }, 'database unavailable');
      c.header('Retry-After', '5');
      return c.json(errorBody('database_unavailable', 'the database is not answering; retry shortly'), 503);
    }
    logger.error({ err, method: c.req.method, path: c.req.path }, 'unhandled error');
    return c.json(errorBody('internal', 'internal server error'), 500);
  };
}

// SQLSTATE classes 08 (connection exception) and 57P0x (server shutting down or crashed), and the
// driver's own words for a socket that went away or a pool that cannot connect.
const LOST_CONNECTION = /Connection terminated|ECONNREFUSED|ECONNRESET|timeout exceeded when trying to connect|Client has encountered a connection error/i;

/** An error that says the database is out of reach, not that the request was wrong. */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && (/^08/.test(code) || /^57P0[1-4]$/.test(code) || code === 'ECONNREFUSED' || code === 'ECONNRESET')) return true;
  return LOST_CONNECTION.test(err.message);
}
