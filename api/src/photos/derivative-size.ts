// How big the display image and the thumbnail are. The display image's long edge is 2048 px; a
// JPEG decoder shrinks by a power of two almost for free (DCT scaling on load), so the decode
// stops at the largest such step still above 2048 px and a resize does the rest.

/** Longest edge a display image may have. */
export const DISPLAY_MAX_EDGE = 2048;
/** Longest edge of a thumbnail. */
export const THUMB_EDGE = 320;
/** The largest scale-on-load factor libjpeg offers. */
export const MAX_JPEG_SHRINK = 8;

export type Size = { width: number; height: number };

/**
 * The display size for an upright original: the long edge at 2048 px (or the original's, if
 * smaller), aspect kept. `divisor` is the largest power of two the decoder may shrink by on load
 * and still leave at least that many pixels for the final resize, so nothing is ever upscaled.
 * @example displaySize({ width: 4200, height: 3150 }) // { width: 2048, height: 1536, divisor: 2 }
 */
export function displaySize(original: Size, maxEdge = DISPLAY_MAX_EDGE): Size & { divisor: number } {
  const long = Math.max(original.width, original.height);
  const scale = Math.min(1, maxEdge / long);
  const fit = (edge: number) => Math.min(edge, Math.max(1, Math.round(edge * scale)));
  let divisor = 1;
  while (long / (divisor * 2) >= maxEdge) divisor *= 2;
  return { width: fit(original.width), height: fit(original.height), divisor };
}

/**
 * The thumbnail size: the long edge at `edge` px (or the source's, if smaller), aspect kept.
 * @example thumbSize({ width: 2016, height: 1512 }) // { width: 320, height: 240 }
 */
export function thumbSize(source: Size, edge = THUMB_EDGE): Size {
  const scale = Math.min(1, edge / Math.max(source.width, source.height));
  return { width: Math.max(1, Math.round(source.width * scale)), height: Math.max(1, Math.round(source.height * scale)) };
}
