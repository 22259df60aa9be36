// Top-level ISO-BMFF boxes of a HEIC file: libheif decodes a truncated file's missing tiles as
// flat green rather than failing, so a file cut short has to be caught from its box sizes.

/**
 * True when the top-level boxes do not tile the file exactly: one claims to run past its end
 * (a truncated upload), or a box header is cut off.
 * @example heicTruncated(file.subarray(0, file.length / 2)) // true
 */
export function heicTruncated(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  while (at < bytes.length) {
    if (at + 8 > bytes.length) return true;
    let size = view.getUint32(at);
    if (size === 1) {
      if (at + 16 > bytes.length) return true;
      size = Number(view.getBigUint64(at + 8));
    } else if (size === 0) {
      return false; // the last box runs to the end of the file, whatever its length
    }
    if (size < 8) return true;
    at += size;
  }
  return at !== bytes.length;
}
