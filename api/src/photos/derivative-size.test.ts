import { describe, expect, it } from 'vitest';
import { displaySize, thumbSize } from './derivative-size';

describe('displaySize', () => {
  it('brings the long edge to 2048 px, whichever way up, shrinking on load by the largest power of two above it', () => {
    expect(displaySize({ width: 4032, height: 3024 })).toEqual({ width: 2048, height: 1536, divisor: 1 });
    expect(displaySize({ width: 3024, height: 4032 })).toEqual({ width: 1536, height: 2048, divisor: 1 });
    expect(displaySize({ width: 4200, height: 3150 })).toEqual({ width: 2048, height: 1536, divisor: 2 });
    expect(displaySize({ width: 8064, height: 6048 })).toEqual({ width: 2048, height: 1536, divisor: 2 });
    expect(displaySize({ width: 4096, height: 3072 })).toEqual({ width: 2048, height: 1536, divisor: 2 });
    expect(displaySize({ width: 30000, height: 1000 })).toEqual({ width: 2048, height: 68, divisor: 8 });
  });

  it('keeps a 1-px side at 1 px', () => {
    expect(displaySize({ width: 1, height: 60000 })).toEqual({ width: 1, height: 2048, divisor: 16 });
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
