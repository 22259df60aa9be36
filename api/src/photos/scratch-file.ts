// A short-lived private copy of an upload on disk, for the one libvips feature sharp only offers
// through a file name: a JPEG loader option such as 'photo.jpg[shrink=2]' (see image.ts).
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** True when paths under the temp directory can carry a libvips '[option]' suffix unambiguously. */
export function scratchPathsUsable(): boolean {
  return !/[[\]]/.test(os.tmpdir());
}

/**
 * Writes `bytes` to a new file in a fresh 0700 directory under the OS temp dir, runs `use` with
 * its path, and removes both afterwards, whatever `use` did.
 */
export async function withScratchFile<T>(bytes: Uint8Array, ext: string, use: (file: string) => Promise<T>): Promise<T> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'xuncha-photo-'));
  try {
    const file = path.join(dir, `${randomUUID()}.${ext}`);
    await fs.writeFile(file, bytes, { mode: 0o600 });
    return await use(file);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
