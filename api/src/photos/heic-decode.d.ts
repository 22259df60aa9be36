// Types for heic-decode 2.x (libheif compiled to WASM), which ships none.
declare module 'heic-decode' {
  /** Decoded pixels: RGBA, 4 bytes per pixel, row after row. */
  export type HeicPixels = { width: number; height: number; data: Uint8ClampedArray };
  /** A top-level image of the file: its size is known from the header, its pixels on decode(). */
  export type HeicImage = { width: number; height: number; decode(): Promise<HeicPixels> };
  type Decode = {
    (input: { buffer: Uint8Array }): Promise<HeicPixels>;
    /** Parses the container only; call dispose() on the result when done. */
    all(input: { buffer: Uint8Array }): Promise<HeicImage[] & { dispose(): void }>;
  };
  const decode: Decode;
  export default decode;
}
