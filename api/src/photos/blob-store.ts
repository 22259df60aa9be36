// Where photo files live: a small interface (local directory now, S3-compatible storage when a
// city outgrows one machine) and its local-disk implementation. Writes are atomic: a file is
// either absent or complete under its key, even if the process dies mid-write.
import { randomBytes } from 'node:crypto';
import type { Dirent } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { assertValidKey, isTempName, TEMP_PREFIX } from './blob-keys';

export { contentKey, sha256Hex, isValidKey, type BlobKind } from './blob-keys';

export interface BlobStore {
  /** Stores bytes under a key, atomically; created=false when the key existed (content-addressed dedupe). */
  put(key: string, bytes: Buffer): Promise<{ created: boolean }>;
  get(key: string): Promise<Buffer | null>;
  stat(key: string): Promise<{ size: number; mtime: Date } | null>;
  /** Removes the file; no error if it is missing. */
  delete(key: string): Promise<void>;
  /** Every stored key, in no particular order, for the orphan sweep; temporary files are skipped. */
  list(): AsyncIterable<{ key: string; mtime: Date }>;
}

const isCode = (err: unknown, ...codes: string[]) => err instanceof Error && 'code' in err && codes.includes(String(err.code));

/** fsync a directory, so a rename or link inside it survives a power cut. */
async function syncDir(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes and fsyncs a temp file beside `file`; returns its path. */
async function writeTemp(file: string, bytes: Buffer): Promise<string> {
  const temp = path.join(path.dirname(file), `${TEMP_PREFIX}${randomBytes(8).toString('hex')}-${path.basename(file)}`);
  const handle = await fs.open(temp, 'wx', 0o640);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return temp;
}

/** Moves a complete temp file to its final name unless that name exists; true if it moved. */
async function publish(temp: string, file: string): Promise<boolean> {
  try {
    // link() never replaces an existing file, so two writers of one key cannot both "create" it.
    await fs.link(temp, file);
    return true;
  } catch (err) {
    if (isCode(err, 'EEXIST')) return false;
    // Filesystems without hard links (some network mounts): rename, after checking for the key.
    if (!isCode(err, 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK')) throw err;
    if (await fs.stat(file).then(() => true, () => false)) return false;
    await fs.rename(temp, file);
    return true;
  } finally {
    await fs.rm(temp, { force: true });
  }
}

async function* walk(dir: string, prefix: string): AsyncGenerator<{ key: string; file: string }> {
  let entries: Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (err) {
    if (isCode(err, 'ENOENT')) return;
    throw err;
  }
  for (const entry of entries) {
    const file = path.join(dir, entry.name);
    const key = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) yield* walk(file, key);
    else if (entry.isFile()) yield { key, file };
  }
}

/**
 * A BlobStore in a local directory: key 'originals/ab/cd/<sha256>.jpg' is the file of that
 * path under `rootDir`. Keys with '..', absolute paths or dot-led segments are refused.
 */
export function localBlobStore(rootDir: string): BlobStore {
  const root = path.resolve(rootDir);
  const fileOf = (key: string) => path.join(root, ...assertValidKey(key).split('/'));

  return {
    async put(key, bytes) {
      const file = fileOf(key);
      if (await fs.stat(file).then(() => true, () => false)) return { created: false };
      await fs.mkdir(path.dirname(file), { recursive: true });
      const created = await publish(await writeTemp(file, bytes), file);
      if (created) await syncDir(path.dirname(file));
      return { created };
    },

    async get(key) {
      return fs.readFile(fileOf(key)).catch((err: unknown) => {
        if (isCode(err, 'ENOENT', 'EISDIR')) return null;
        throw err;
      });
    },

    async stat(key) {
      const s = await fs.stat(fileOf(key)).catch((err: unknown) => {
        if (isCode(err, 'ENOENT')) return null;
        throw err;
      });
      return s?.isFile() ? { size: s.size, mtime: s.mtime } : null;
    },

    async delete(key) {
      await fs.rm(fileOf(key), { force: true });
    },

    async *list() {
      for await (const { key, file } of walk(root, '')) {
        if (key.split('/').some(isTempName)) continue;
        const s = await fs.stat(file).catch(() => null); // deleted meanwhile: skip
        if (s) yield { key, mtime: s.mtime };
      }
    },
  };
}

/**
 * Temp files under `rootDir` last modified before `olderThan`: what a crash mid-write leaves.
 * A write in progress is younger than any sensible cut-off (minutes), so deleting these is safe.
 */
export async function* staleTempFiles(rootDir: string, olderThan: Date): AsyncGenerator<{ path: string; mtime: Date }> {
  for await (const { key, file } of walk(path.resolve(rootDir), '')) {
    if (!isTempName(path.basename(key))) continue;
    const s = await fs.stat(file).catch(() => null);
    if (s && s.mtime < olderThan) yield { path: file, mtime: s.mtime };
  }
}

/** Deletes stale temp files (see staleTempFiles); returns how many. */
export async function removeStaleTempFiles(rootDir: string, olderThan: Date): Promise<number> {
  let removed = 0;
  for await (const { path: file } of staleTempFiles(rootDir, olderThan)) {
    await fs.rm(file, { force: true });
    removed++;
  }
  return removed;
}
