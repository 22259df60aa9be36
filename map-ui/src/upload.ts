// Multipart uploads with a real progress bar: fetch() cannot report upload progress, XMLHttpRequest can.
import { ApiError } from './api';

export type UploadProgress = {
  /** Bytes sent so far. */
  loaded: number;
  /** Bytes to send in all; 0 when the browser cannot tell. */
  total: number;
  /** 0..1, or undefined when the total is unknown. */
  fraction: number | undefined;
};

export type UploadOptions = {
  /** Extra request headers, e.g. { 'Idempotency-Key': key }. */
  headers?: Record<string, string>;
  /** Called as the request body goes out; the last call has loaded === total. */
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
  /** 'POST' unless told. */
  method?: string;
};

/**
 * The ApiError for an error answer, built the same way api.ts builds it from a fetch Response.
 * Pure, so it is unit-tested without a browser.
 */
export function apiErrorFromAnswer(
  status: number,
  statusText: string,
  bodyText: string,
  retryAfterHeader: string | null,
): ApiError {
  const retryAfter = Number(retryAfterHeader);
  const retryAfterSeconds = retryAfterHeader !== null && Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined;
  let body: { error?: { code?: unknown; message?: unknown; details?: unknown } } = {};
  try {
    const parsed: unknown = JSON.parse(bodyText);
    if (parsed && typeof parsed === 'object') body = parsed as typeof body;
  } catch {
    // A proxy's HTML error page, say: keep the status, invent a code.
  }
  const code = typeof body.error?.code === 'string' ? body.error.code : `http_${status}`;
  const message = typeof body.error?.message === 'string' ? body.error.message : statusText;
  return new ApiError(status, code, message, body.error?.details, retryAfterSeconds);
}

/** The AbortError fetch() would throw, so callers handle aborts of both the same way. */
function abortError(): DOMException {
  return new DOMException('The upload was aborted.', 'AbortError');
}

/**
 * Sends `form` as multipart/form-data with the session cookie; resolves to the parsed JSON answer
 * (undefined for 204), rejects with an ApiError (status 0, `network_error`, when no answer came).
 * @example await uploadForm('/api/cases', form, { headers: { 'Idempotency-Key': key }, onProgress: (p) => bar(p.fraction) })
 */
export function uploadForm<T>(url: string, form: FormData, options: UploadOptions = {}): Promise<T> {
  const { headers = {}, onProgress, signal, method = 'POST' } = options;
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError());
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    // The browser sets the multipart Content-Type with its boundary; never set it here.
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);

    const onAbort = () => xhr.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => signal?.removeEventListener('abort', onAbort);

    if (onProgress) {
      xhr.upload.addEventListener('progress', (e) => {
        const total = e.lengthComputable ? e.total : 0;
        onProgress({ loaded: e.loaded, total, fraction: total > 0 ? e.loaded / total : undefined });
      });
    }
    xhr.addEventListener('load', () => {
      done();
      if (xhr.status < 200 || xhr.status >= 300) {
        reject(apiErrorFromAnswer(xhr.status, xhr.statusText, xhr.responseText, xhr.getResponseHeader('Retry-After')));
        return;
      }
      if (xhr.status === 204 || xhr.responseText === '') {
        resolve(undefined as T);
        return;
      }
      try {
        resolve(JSON.parse(xhr.responseText) as T);
      } catch {
        reject(new ApiError(xhr.status, 'invalid_response', 'The server answer was not JSON.'));
      }
    });
    xhr.addEventListener('error', () => {
      done();
      reject(new ApiError(0, 'network_error', 'network error'));
    });
    xhr.addEventListener('timeout', () => {
      done();
      reject(new ApiError(0, 'network_error', 'timeout'));
    });
    xhr.addEventListener('abort', () => {
      done();
      reject(abortError());
    });
    xhr.send(form);
  });
}
