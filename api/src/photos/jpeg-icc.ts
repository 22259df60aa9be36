// Puts an ICC colour profile into a JPEG we encoded, as APP2 'ICC_PROFILE' segments (ICC.1
// Annex B.4). Needed for HEIC: its pixels reach sharp as raw RGBA, which cannot carry a profile,
// and sharp's withIccProfile() would convert the pixels rather than just label them.

const SIGNATURE = Buffer.from('ICC_PROFILE\0', 'latin1');
// A segment holds at most 65535 bytes, counting its 2-byte length, the signature and 2 counters.
const MAX_CHUNK = 65535 - 2 - SIGNATURE.length - 2;

/** Where the profile goes: after SOI and any APP0 (JFIF), which must come first. */
function insertionPoint(jpeg: Buffer): number {
  let at = 2;
  while (at + 4 <= jpeg.length && jpeg[at] === 0xff && jpeg[at + 1] === 0xe0) at += 2 + jpeg.readUInt16BE(at + 2);
  return at;
}

/**
 * `jpeg` with `icc` embedded. The JPEG must not carry a profile already (ours come from an
 * encoder told to keep none). Throws on bytes that are not a JPEG, or a profile too big to split.
 */
export function embedIccProfile(jpeg: Buffer, icc: Uint8Array): Buffer {
  if (jpeg.length < 4 || jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new TypeError('not a JPEG');
  const count = Math.ceil(icc.length / MAX_CHUNK);
  if (count < 1 || count > 255) throw new RangeError(`ICC profile of ${icc.length} bytes cannot be embedded`);
  const segments: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const chunk = icc.subarray(i * MAX_CHUNK, (i + 1) * MAX_CHUNK);
    const head = Buffer.from([0xff, 0xe2, 0, 0]);
    head.writeUInt16BE(2 + SIGNATURE.length + 2 + chunk.length, 2);
    segments.push(head, SIGNATURE, Buffer.from([i + 1, count]), chunk);
  }
  const at = insertionPoint(jpeg);
  return Buffer.concat([jpeg.subarray(0, at), ...segments, jpeg.subarray(at)]);
}
