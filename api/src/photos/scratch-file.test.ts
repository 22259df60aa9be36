import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withScratchFile } from './scratch-file';

describe('withScratchFile', () => {
  it('hands over a private copy of the bytes and removes it afterwards', async () => {
    let seen = '';
    const out = await withScratchFile(Buffer.from('pixels'), 'jpg', async (file) => {
      seen = file;
      expect(file.endsWith('.jpg')).toBe(true);
      expect(fs.readFileSync(file, 'utf8')).toBe('pixels');
      expect(fs.statSync(path.dirname(file)).mode & 0o077).toBe(0); // owner only
      return 42;
    });
    expect(out).toBe(42);
    expect(fs.existsSync(path.dirname(seen))).toBe(false);
  });

  it('removes the copy when the work fails too', async () => {
    let seen = '';
    const work = withScratchFile(Buffer.from('pixels'), 'jpg', async (file) => {
      seen = file;
      throw new Error('decoder failed');
    });
    await expect(work).rejects.toThrow('decoder failed');
    expect(fs.existsSync(path.dirname(seen))).toBe(false);
  });
});
