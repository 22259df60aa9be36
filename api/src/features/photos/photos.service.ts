// Serving a photo file to someone who may see its case; everyone else is told it does not exist.
import path from 'node:path';
import type { Db } from '../../db/db';
import { ApiError } from '../../http/errors';
import type { BlobStore } from '../../photos/blob-store';
import type { SessionUser } from '../auth/auth.types';
import { caseScope } from '../cases/case-scope';
import { photosRepo } from './photos.repo';

export const PHOTO_SIZES = ['original', 'display', 'thumb'] as const;
export type PhotoSize = (typeof PHOTO_SIZES)[number];

export type PhotoFile = { bytes: Buffer; mime: string; etag: string; immutable: boolean };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Content-addressed keys end in the file's sha256, which makes a strong ETag for free. */
const etagOf = (key: string) => `"${path.basename(key).split('.')[0]}"`;

export async function photoEtag(deps: { db: Db }, user: SessionUser, id: string, size: PhotoSize): Promise<{ key: string; mime: string; etag: string }> {
  const notFound = new ApiError(404, 'not_found', 'photo not found');
  if (!UUID.test(id)) throw notFound;
  const files = await photosRepo.findVisible(deps.db, id, caseScope(user, 'c', 2));
  if (!files) throw notFound;
  const [key, mime] =
    size === 'original' ? [files.originalKey, files.mime] : size === 'display' ? [files.displayKey, files.displayMime] : [files.thumbKey, files.thumbMime];
  return { key, mime, etag: etagOf(key) };
}

/** The file's bytes; a row whose file is gone is a server fault, not the caller's. */
export async function readPhoto(deps: { blobs: BlobStore }, key: string): Promise<Buffer> {
  const bytes = await deps.blobs.get(key);
  if (!bytes) throw new Error(`photo file ${key} is missing from the blob store`);
  return bytes;
}
