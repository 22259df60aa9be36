import { describe, expect, it } from 'vitest';
import { displayP3Jpeg, inspect, testImage } from '../../../tests/fixtures/photos/synthetic';
import { embedIccProfile } from './jpeg-icc';

describe('embedIccProfile', () => {
  it('labels a JPEG with a profile that decoders read back byte for byte', async () => {
    const p3 = (await inspect(await displayP3Jpeg())).icc!;
    const plain = await testImage('jpeg');
    expect((await inspect(plain)).icc).toBeUndefined();
    const labelled = embedIccProfile(plain, p3);
    const seen = await inspect(labelled);
    expect(seen.icc?.equals(p3)).toBe(true);
    expect(seen.width).toBe(64);
    expect(labelled.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
  });

  it('splits a profile larger than one segment, in order', async () => {
    const p3 = (await inspect(await displayP3Jpeg())).icc!;
    const big = Buffer.concat([p3, Buffer.alloc(150_000, 7)]);
    big.writeUInt32BE(big.length, 0); // the profile's own size field
    const seen = await inspect(embedIccProfile(await testImage('jpeg'), big));
    expect(seen.icc?.length).toBe(big.length);
    expect(seen.icc?.equals(big)).toBe(true);
  });

  it('refuses bytes that are not a JPEG', async () => {
    const png = await testImage('png');
    expect(() => embedIccProfile(png, Buffer.alloc(10))).toThrow(TypeError);
  });
});
