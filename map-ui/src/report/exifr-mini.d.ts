// Types for the part of exifr's mini build the browser uses (its package types cover only the full build's path).
declare module 'exifr/dist/mini.esm.mjs' {
  export function gps(input: ArrayBuffer): Promise<{ latitude: number; longitude: number } | undefined>;
}
