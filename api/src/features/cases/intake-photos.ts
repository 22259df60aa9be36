// The photo half of intake: check and process each upload, then store originals and
// derivatives, remembering what this request wrote so a failure can take back what no one else uses.
import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../../db/db';
import { ApiError } from '../../http/errors';
import type { BlobStore } from '../../photos/blob-store';
import { contentKey, sha256Hex } from '../../photos/blob-store';
import { readPhotoMetadata, type PhotoMetadata } from '../../photos/exif';
import { ImageError, processPhoto, type ProcessedPhoto } from '../../photos/image';
import { IMAGE_EXT, sniffImageFormat } from '../../photos/sniff';
import { photosRepo } from '../photos/photos.repo';
import type { NewPhoto } from './intake.repo';

export type PreparedPhoto = { bytes: Buffer; sha256: string; meta: PhotoMetadata; processed: ProcessedPhoto };

export type StoredPhotos = { original: string; display: string; thumb: string }[] & {
  /** Locks the keys in the photo rows' transaction and restores any file removed meanwhile. */
  claim(tx: Queryable): Promise<void>;
  /** Deletes the files this request created, unless a committed photo row refers to them. */
  rollback(): Promise<void>;
};

// Derivatives are JPEG today; the map keeps keys right should that change.
const DERIVATIVE_EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/webp': 'webp', 'image/png': 'png' };

export type Upload = { bytes: Buffer; sha256: string };

/** How long one photo's image work may take before the request fails with 503 image_timeout. */
export const DEFAULT_IMAGE_TIMEOUT_MS = 30_000;

/** `work`, or what `onTimeout` returns or throws once `ms` have passed (the work itself runs on). */
async function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => never): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      try {
        onTimeout();
      } catch (err) {
        reject(err);
      }
    }, ms);
  });
  // A late failure of the abandoned work must not become an unhandled rejection.
  work.catch(() => undefined);
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Reads and hashes each upload, refusing an oversized one before any of them is processed. */
export async function readUploads(files: File[], maxBytes: number): Promise<Upload[]> {
  const out: Upload[] = [];
  for (const [i, f] of files.entries()) {
    if (f.size > maxBytes) {
      throw new ApiError(413, 'payload_too_large', `photo ${i + 1} is ${(f.size / 1048576).toFixed(1)} MB; the limit is ${(maxBytes / 1048576).toFixed(0)} MB`, {
        photo: i + 1,
      });
    }
    const bytes = Buffer.from(await f.arrayBuffer());
    out.push({ bytes, sha256: sha256Hex(bytes) });
  }
  return out;
}

/** Sniffs, reads EXIF and makes derivatives for every photo; the first bad one refuses the report. */
export async function preparePhotos(
  files: Upload[],
  limits: { photoMaxPixels: number; timeZone: string; photoTimeoutMs?: number },
): Promise<PreparedPhoto[]> {
  const timeoutMs = limits.photoTimeoutMs ?? DEFAULT_IMAGE_TIMEOUT_MS;
  const formats = files.map(({ bytes }, i) => {
    const format = sniffImageFormat(bytes);
    if (!format) {
      throw new ApiError(415, 'unsupported_media_type', `photo ${i + 1} is not a JPEG, PNG, WebP or HEIC image`, { photo: i + 1 });
    }
    return format;
  });
  const out: PreparedPhoto[] = [];
  for (const [i, { bytes, sha256 }] of files.entries()) {
    try {
      // Nothing is stored before every photo is processed, so a timeout leaves nothing behind.
      const work = Promise.all([processPhoto(bytes, formats[i]!, { maxPixels: limits.photoMaxPixels }), readPhotoMetadata(bytes, limits.timeZone)]);
      const [processed, meta] = await withTimeout(work, timeoutMs, () => {
        throw new ApiError(503, 'image_timeout', `photo ${i + 1} took longer than ${timeoutMs / 1000} s to process; try again later`, { photo: i + 1 }, {
          'Retry-After': '30',
        });
      });
      out.push({ bytes, sha256, meta, processed });
    } catch (err) {
      if (!(err instanceof ImageError)) throw err;
      if (err.code === 'image_too_large') {
        throw new ApiError(413, 'payload_too_large', `photo ${i + 1}: ${err.message}`, { photo: i + 1 });
      }
      throw new ApiError(422, 'image_unreadable', `photo ${i + 1} cannot be read: it is damaged or truncated`, { photo: i + 1 });
    }
  }
  return out;
}

/** The photos-table row for a stored photo, attached to an event of a case. */
export function photoRow(
  p: PreparedPhoto,
  keys: { original: string; display: string; thumb: string },
  at: { caseId: number; eventId: number; stage: NewPhoto['stage']; position: number; uploadedBy: number; createdAt: Date },
): NewPhoto {
  const { display, thumb } = p.processed;
  return {
    id: randomUUID(),
    ...at,
    sha256: p.sha256,
    mime: p.processed.mime,
    bytes: p.bytes.length,
    width: p.processed.width,
    height: p.processed.height,
    exif: p.meta.gps,
    takenAt: p.meta.takenAt,
    originalKey: keys.original,
    display: { key: keys.display, mime: display.mime, width: display.width, height: display.height },
    thumb: { key: keys.thumb, mime: thumb.mime, width: thumb.width, height: thumb.height },
  };
}

/**
 * Writes every file. Files are content-addressed, so another request may share any of them:
 * `claim(tx)`, called first inside the transaction that inserts the photo rows, locks the keys
 * and rewrites any file a concurrent rollback or sweep removed meanwhile; `rollback()` removes
 * only files this request created that no committed row refers to, under the same locks.
 */
export async function storePhotos(deps: { db: Db; blobs: BlobStore }, photos: PreparedPhoto[]): Promise<StoredPhotos> {
  const { blobs } = deps;
  const created: string[] = [];
  const written = new Map<string, Buffer>();
  const rollback = async () => {
    const keys = created.splice(0);
    if (!keys.length) return;
    await deps.db
      .transaction(async (tx) => {
        await photosRepo.lockKeys(tx, keys);
        const referenced = await photosRepo.referencedKeys(tx, keys);
        for (const key of keys) if (!referenced.has(key)) await blobs.delete(key);
      })
      // Left for the orphan sweep if the database is unreachable now.
      .catch(() => undefined);
  };
  const put = async (key: string, bytes: Buffer) => {
    written.set(key, bytes);
    if ((await blobs.put(key, bytes)).created) created.push(key);
    return key;
  };
  const claim = async (tx: Queryable) => {
    await photosRepo.lockKeys(tx, [...written.keys()]);
    for (const [key, bytes] of written) if (!(await blobs.stat(key))) await blobs.put(key, bytes);
  };
  const keys: { original: string; display: string; thumb: string }[] = [];
  try {
    for (const p of photos) {
      const { display, thumb } = p.processed;
      keys.push({
        original: await put(contentKey('originals', p.sha256, IMAGE_EXT[p.processed.format]), p.bytes),
        display: await put(contentKey('display', sha256Hex(display.bytes), DERIVATIVE_EXT[display.mime] ?? 'bin'), display.bytes),
        thumb: await put(contentKey('thumb', sha256Hex(thumb.bytes), DERIVATIVE_EXT[thumb.mime] ?? 'bin'), thumb.bytes),
      });
    }
  } catch (err) {
    await rollback();
    throw err;
  }
  return Object.assign(keys, { rollback, claim });
}
