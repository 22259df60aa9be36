import { describe, expect, it } from 'vitest';
import { photoFixture as readFixture } from '../../../tests/fixtures/photos';
import { decodeHeic } from './heic';

describe('decodeHeic', () => {
  it('decodes in a worker thread, so the event loop keeps turning meanwhile', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const started = performance.now();
    const img = await decodeHeic(readFixture('heic_iphone_13_pro_max.HEIC'), 50_000_000);
    const ms = performance.now() - started;
    clearInterval(timer);
    expect([img.width, img.height]).toEqual([3024, 4032]);
    expect(img.data.length).toBe(3024 * 4032 * 4);
    // A blocked loop would tick once or twice in all that time.
    expect(ticks).toBeGreaterThan((ms / 10) * 0.3);
  }, 30_000);

  it('refuses a file claiming too many pixels before decoding, and junk as unreadable', async () => {
    await expect(decodeHeic(readFixture('heic_IMG_5195.HEIC'), 1_000_000)).rejects.toMatchObject({ code: 'image_too_large' });
    const junk = Buffer.concat([readFixture('heic_IMG_5195.HEIC').subarray(0, 3000)]);
    await expect(decodeHeic(junk, 50_000_000)).rejects.toMatchObject({ code: 'image_unreadable' });
  }, 30_000);
});
