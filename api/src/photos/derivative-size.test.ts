import { describe, expect, it } from 'vitest';
import { displaySize, thumbSize } from './derivative-size';

describe('displaySize', () => {
  it('halves 12 MP phone photos, whichever way up', () => {
    expect(displaySize({ width: 4032, height: 3024 })).toEqual({ width: 2016, height: 1512, divisor: 2 });
    expect(displaySize({ width: 3024, height: 4032 })).toEqual({ width: 1512, height: 2016, divisor: 2 });
    expect(displaySize({ width: 3264, height: 2448 })).toEqual({ width: 1632, height: 1224, divisor: 2 });
  });

  it('uses the smallest power of two that fits, rounding odd edges up like libjpeg', () => {
    expect(displaySize({ width: 8064, height: 6048 })).toEqual({ width: 2016, height: 1512, divisor: 4 });
    expect(displaySize({ width: 2566, height: 3313 })).toEqual({ width: 1283, height: 1657, divisor: 2 });
    expect(displaySize({ width: 4097, height: 10 })).toEqual({ width: 1025, height: 3, divisor: 4 });
    expect(displaySize({ width: 30000, height: 1000 })).toEqual({ width: 1875, height: 63, divisor: 16 });
  });

  it('never enlarges', () => {
    expect(displaySize({ width: 2048, height: 1536 })).toEqual({ width: 2048, height: 1536, divisor: 1 });
    expect(displaySize({ width: 88, height: 64 })).toEqual({ width: 88, height: 64, divisor: 1 });
  });
});

describe('thumbSize', () => {
  it('fits the long edge to 320 px and keeps the aspect', () => {
    expect(thumbSize({ width: 2016, height: 1512 })).toEqual({ width: 320, height: 240 });
    expect(thumbSize({ width: 1283, height: 1657 })).toEqual({ width: 248, height: 320 });
    expect(thumbSize({ width: 1875, height: 3 })).toEqual({ width: 320, height: 1 });
  });

  it('never enlarges', () => {
    expect(thumbSize({ width: 88, height: 64 })).toEqual({ width: 88, height: 64 });
  });
});
