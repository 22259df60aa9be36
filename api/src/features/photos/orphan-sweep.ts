// Removes stored files that no photo row refers to: what a crash between writing a file and
// committing its case leaves behind. Recent files are spared, as their request may still commit;
// older ones are checked and deleted under the same per-key locks that writers take.
import type { Logger } from 'pino';
import type { Db } from '../../db/db';
import type { Clock } from '../../lib/clock';
import type { BlobStore } from '../../photos/blob-store';
import { photosRepo } from './photos.repo';

const BATCH = 500;

export type SweepResult = { checked: number; deleted: number };

/** Deletes unreferenced files older than `graceMs` (default 10 minutes). */
export async function sweepOrphanPhotos(
  deps: { db: Db; blobs: BlobStore; clock: Clock; logger?: Logger },
  graceMs = 10 * 60_000,
): Promise<SweepResult> {
  const cutoff = deps.clock.now().getTime() - graceMs;
  let checked = 0;
  let deleted = 0;
  let batch: string[] = [];
  const flush = async () => {
    const keys = batch;
    batch = [];
    // Under the keys' locks, so a request reusing an "orphan" either commits its row first (and
    // the file stays) or finds the file gone when it claims the key, and writes it again.
    await deps.db.transaction(async (tx) => {
      await photosRepo.lockKeys(tx, keys);
      const referenced = await photosRepo.referencedKeys(tx, keys);
      for (const key of keys) {
        if (referenced.has(key)) continue;
        await deps.blobs.delete(key);
        deleted++;
      }
    });
  };
  for await (const { key, mtime } of deps.blobs.list()) {
    checked++;
    if (mtime.getTime() > cutoff) continue;
    batch.push(key);
    if (batch.length >= BATCH) await flush();
  }
  if (batch.length) await flush();
  if (deleted) deps.logger?.warn({ checked, deleted }, 'removed orphan photo files');
  return { checked, deleted };
}
