// The photo half of intake: check and process each upload, then store originals and
// derivatives, remembering what this request wrote so a failure can take it back.
import { randomUUID } from 'node:crypto';
import { ApiError } from '../../http/errors';
import type { BlobStore } from '../../photos/blob-store';
import { contentKey, sha256Hex } from '../../photos/blob-store';
import { readPhotoMetadata, type PhotoMetadata } from '../../photos/exif';
import { ImageError, processPhoto, type ProcessedPhoto } from '../../photos/image';
import { IMAGE_EXT, sniffImageFormat } from '../../photos/sniff';
import type { NewPhoto } from './intake.repo';

export type PreparedPhoto = { bytes: Buffer; sha256: string; meta: PhotoMetadata; processed: ProcessedPhoto };

export type StoredPhotos = { original: string; display: string; thumb: string }[] & {
  /** Deletes the files this request created (not ones that already existed). */
  rollback(): Promise<void>;
};

// Derivatives are JPEG today; the map keeps keys right should that change.
const DERIVATIVE_EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/webp': 'webp', 'image/png': 'png' };

export type Upload = { bytes: Buffer; sha256: string };

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
export async function preparePhotos(files: Upload[], limits: { photoMaxPixels: number; timeZone: string }): Promise<PreparedPhoto[]> {
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
      const processed = await processPhoto(bytes, formats[i]!, { maxPixels: limits.photoMaxPixels });
      const meta = await readPhotoMetadata(bytes, limits.timeZone);
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

/** Writes every file; on a failure part-way, removes what it wrote and rethrows. */
export async function storePhotos(blobs: BlobStore, photos: PreparedPhoto[]): Promise<StoredPhotos> {
  const created: string[] = [];
  const rollback = async () => {
    for (const key of created.splice(0)) await blobs.delete(key).catch(() => undefined);
  };
  const put = async (key: string, bytes: Buffer) => {
    if ((await blobs.put(key, bytes)).created) created.push(key);
    return key;
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
  return Object.assign(keys, { rollback });
}
