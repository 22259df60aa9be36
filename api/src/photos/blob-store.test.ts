import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentKey, isValidKey, localBlobStore, removeStaleTempFiles, sha256Hex, staleTempFiles, type BlobStore } from './blob-store';

let root: string;
let store: BlobStore;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'xuncha-blobs-'));
  store = localBlobStore(root);
});

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

const bytes = Buffer.from('not really a photo, but bytes all the same');
const sha = sha256Hex(bytes);

async function keys(s: BlobStore): Promise<string[]> {
  const out: string[] = [];
  for await (const { key } of s.list()) out.push(key);
  return out.sort();
}

function allFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
}

describe('content keys', () => {
  it('hashes with SHA-256 and fans keys out by the first two bytes', () => {
    expect(sha256Hex(Buffer.from('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(contentKey('originals', sha, 'jpg')).toBe(`originals/${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}.jpg`);
    expect(contentKey('thumb', sha, 'jpg').startsWith(`thumb/${sha.slice(0, 2)}/`)).toBe(true);
    expect(() => contentKey('display', 'ABC', 'jpg')).toThrow(TypeError);
    expect(() => contentKey('display', sha, '../x')).toThrow(TypeError);
  });

  it('accepts plain relative keys and refuses escapes, absolute paths and dot-led names', () => {
    expect(isValidKey('originals/ab/cd/x.jpg')).toBe(true);
    for (const bad of ['', '../etc/passwd', 'a/../../b', '/etc/passwd', 'a//b', 'a/./b', '.hidden', 'a/.tmp-123-x.jpg', 'a\\b', 'a/b/']) {
      expect(isValidKey(bad), bad).toBe(false);
    }
  });
});

describe('localBlobStore', () => {
  it('puts, gets, stats, lists and deletes', async () => {
    const key = contentKey('originals', sha, 'jpg');
    expect(await store.put(key, bytes)).toEqual({ created: true });
    expect((await store.get(key))?.equals(bytes)).toBe(true);
    const stat = await store.stat(key);
    expect(stat?.size).toBe(bytes.length);
    expect(stat?.mtime).toBeInstanceOf(Date);
    expect(await keys(store)).toEqual([key]);
    for await (const item of store.list()) expect(item.mtime.getTime()).toBe(stat?.mtime.getTime());

    await store.delete(key);
    expect(await store.get(key)).toBeNull();
    expect(await store.stat(key)).toBeNull();
    expect(await keys(store)).toEqual([]);
    await store.delete(key); // missing: no error
  });

  it('answers null for keys that were never stored, and an empty list for a new root', async () => {
    expect(await store.get('display/none.jpg')).toBeNull();
    expect(await store.stat('display/none.jpg')).toBeNull();
    expect(await keys(localBlobStore(path.join(root, 'not-yet-created')))).toEqual([]);
  });

  it('leaves no temp files after a put, and a second put of a key is not a create', async () => {
    const key = contentKey('display', sha, 'jpg');
    expect(await store.put(key, bytes)).toEqual({ created: true });
    expect(await store.put(key, bytes)).toEqual({ created: false });
    expect(allFiles(root)).toEqual([`${sha}.jpg`]);
  });

  it('creates a key once when writers race for it', async () => {
    const key = contentKey('thumb', sha, 'jpg');
    const results = await Promise.all(Array.from({ length: 8 }, () => store.put(key, bytes)));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(allFiles(root)).toEqual([`${sha}.jpg`]);
  });

  it('refuses keys that would escape the root', async () => {
    await expect(store.put('../escaped.jpg', bytes)).rejects.toThrow(TypeError);
    await expect(store.get('/etc/passwd')).rejects.toThrow(TypeError);
    await expect(store.stat('a/../../b')).rejects.toThrow(TypeError);
    await expect(store.delete('..')).rejects.toThrow(TypeError);
    expect(fs.existsSync(path.join(root, '..', 'escaped.jpg'))).toBe(false);
  });

  it('skips temp files in list(), while a separate helper finds and removes stale ones', async () => {
    const key = contentKey('originals', sha, 'jpg');
    await store.put(key, bytes);
    // What a crash mid-write leaves: a temp file beside where the final file would go.
    const dir = path.join(root, 'originals', sha.slice(0, 2), sha.slice(2, 4));
    const stale = path.join(dir, `.tmp-0123456789abcdef-${'f'.repeat(64)}.jpg`);
    const fresh = path.join(dir, `.tmp-fedcba9876543210-${'e'.repeat(64)}.jpg`);
    fs.writeFileSync(stale, 'half a photo');
    fs.writeFileSync(fresh, 'a photo being written right now');
    const anHourAgo = new Date(Date.now() - 3_600_000);
    fs.utimesSync(stale, anHourAgo, anHourAgo);

    expect(await keys(store)).toEqual([key]);
    const cutoff = new Date(Date.now() - 600_000);
    const found: string[] = [];
    for await (const t of staleTempFiles(root, cutoff)) found.push(t.path);
    expect(found).toEqual([stale]);
    expect(await removeStaleTempFiles(root, cutoff)).toBe(1);
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(fresh)).toBe(true);
    expect((await store.get(key))?.equals(bytes)).toBe(true);
  });
});
