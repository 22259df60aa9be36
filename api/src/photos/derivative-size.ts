// How big the display image and the thumbnail are. The display size divides the original by a
// power of two because a JPEG decoder can do exactly that almost for free (DCT scaling on load):
// 4032 px becomes 2016, not 2048, and the decode costs about a third of a full one.

/** Longest edge a display image may have. */
export const DISPLAY_MAX_EDGE = 2048;
/** Longest edge of a thumbnail. */
export const THUMB_EDGE = 320;
/** The largest scale-on-load factor libjpeg offers. */
export const MAX_JPEG_SHRINK = 8;

export type Size = { width: number; height: number };

/**
 * The display size for an upright original, and the power-of-two `divisor` that gives it: the
 * smallest that brings the long edge to at most 2048 px. Never enlarges. Edges round up, as
 * libjpeg's scaled decoding does, so a JPEG decoded at 1/divisor is already the right size.
 * @example displaySize({ width: 4032, height: 3024 }) // { width: 2016, height: 1512, divisor: 2 }
 */
export function displaySize(original: Size, maxEdge = DISPLAY_MAX_EDGE): Size & { divisor: number } {
  let divisor = 1;
  while (Math.max(original.width, original.height) / divisor > maxEdge) divisor *= 2;
  return { width: Math.ceil(original.width / divisor), height: Math.ceil(original.height / divisor), divisor };
}

/**
 * The thumbnail size: the long edge at `edge` px (or the source's, if smaller), aspect kept.
 * @example thumbSize({ width: 2016, height: 1512 }) // { width: 320, height: 240 }
 */
export function thumbSize(source: Size, edge = THUMB_EDGE): Size {
  const scale = Math.min(1, edge / Math.max(source.width, source.height));
  return { width: Math.max(1, Math.round(source.width * scale)), height: Math.max(1, Math.round(source.height * scale)) };
}
