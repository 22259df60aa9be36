// Names of stored photo files: content-addressed keys, the rules a key must follow, and how the
// store's temporary files are told apart from real ones.
import { createHash } from 'node:crypto';

export type BlobKind = 'originals' | 'display' | 'thumb';

const SHA256_HEX = /^[0-9a-f]{64}$/;
const EXT = /^[a-z0-9]{1,8}$/;
// A key segment: no leading dot (so no '.', '..' or temp file name), no separators, no oddities.
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;

/** Prefix of the store's temporary files; no valid key segment can start with it. */
export const TEMP_PREFIX = '.tmp-';

/** The lowercase hex SHA-256 of some bytes, as recorded for every original. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The key of a file named by a SHA-256, fanned out over two directory levels so that no
 * directory grows past 65,536 entries.
 * @example contentKey('originals', 'abcd12…', 'jpg') // 'originals/ab/cd/abcd12….jpg'
 */
export function contentKey(kind: BlobKind, sha256: string, ext: string): string {
  if (!SHA256_HEX.test(sha256)) throw new TypeError(`not a lowercase hex SHA-256: '${sha256}'`);
  if (!EXT.test(ext)) throw new TypeError(`bad file extension: '${ext}'`);
  return `${kind}/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}.${ext}`;
}

/** True for a relative, '/'-separated key with no empty, dot-led or '..' segments. */
export function isValidKey(key: string): boolean {
  if (key.length === 0 || key.length > 512) return false;
  return key.split('/').every((segment) => SEGMENT.test(segment));
}

/** Throws TypeError unless `key` is valid; returns it otherwise. */
export function assertValidKey(key: string): string {
  if (!isValidKey(key)) throw new TypeError(`invalid blob key: '${key}'`);
  return key;
}

/** True for a file name the store uses while writing. */
export function isTempName(name: string): boolean {
  return name.startsWith(TEMP_PREFIX);
}
