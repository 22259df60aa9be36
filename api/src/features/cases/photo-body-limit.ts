// The guards for requests that carry photos: a cap on uploads in flight per process (503 with
// Retry-After beyond it), and a size cap refused with 413 while the body streams in, before it is
// buffered. Together they bound memory: a body is held whole while its photos are processed.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from '../../http/errors';

export type PhotoBodySettings = {
  photoMaxFiles: number;
  photoMaxBytes: number;
  /** Largest whole request; default 40 MB, well below files × file size. */
  photoMaxRequestBytes?: number;
  /** Uploads in flight per process; default 3. */
  photoMaxConcurrentUploads?: number;
};

// One count per settings object, i.e. per app, shared by every photo route of it.
const inFlight = new WeakMap<object, { n: number }>();

/** The largest photo-carrying request: the configured cap, never above every photo at its largest plus 1 MB. */
export function photoRequestLimit(settings: PhotoBodySettings): number {
  const everything = settings.photoMaxFiles * settings.photoMaxBytes + 1024 * 1024;
  return Math.min(everything, settings.photoMaxRequestBytes ?? 40 * 1024 * 1024);
}

/** Reads and drops up to `max` bytes of a request body; memory stays at one chunk. */
async function discardBody(req: Request, max: number): Promise<void> {
  const reader = req.body?.getReader();
  if (!reader) return;
  let seen = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      seen += value.byteLength;
      if (seen > max) return void (await reader.cancel());
    }
  } catch {
    // The client went away: nothing to answer.
  }
}

/** Both guards, as one middleware for each photo route. */
export function photoBodyLimit(settings: PhotoBodySettings): MiddlewareHandler {
  const maxSize = photoRequestLimit(settings);
  const maxUploads = settings.photoMaxConcurrentUploads ?? 3;
  const count = inFlight.get(settings) ?? { n: 0 };
  inFlight.set(settings, count);
  const limit = bodyLimit({
    maxSize,
    onError: () => {
      throw new ApiError(413, 'payload_too_large', `the request is over ${Math.round(maxSize / 1048576)} MB`, { max_bytes: maxSize });
    },
  });
  return async function photoBodyLimit(c, next) {
    if (count.n >= maxUploads) {
      // Refused without holding the body: it is read and dropped chunk by chunk (up to the size
      // cap), so the client, still sending, gets to read the answer instead of a broken pipe.
      await discardBody(c.req.raw, maxSize);
      throw new ApiError(503, 'uploads_busy', `the server is handling ${maxUploads} uploads; try again shortly`, undefined, { 'Retry-After': '5' });
    }
    count.n++;
    try {
      await limit(c, next);
    } finally {
      count.n--;
    }
  };
}
