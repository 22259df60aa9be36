// The size cap for requests that carry photos: refused with 413 while the body streams in, before it is buffered.
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from '../../http/errors';

/** Every photo at its largest, plus a megabyte for the other fields. */
export function photoBodyLimit(settings: { photoMaxFiles: number; photoMaxBytes: number }) {
  const maxSize = settings.photoMaxFiles * settings.photoMaxBytes + 1024 * 1024;
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new ApiError(413, 'payload_too_large', `the request is over ${Math.round(maxSize / 1048576)} MB`);
    },
  });
}
