// HEIC/HEIF decoding with libheif compiled to WASM (heic-decode): the sharp build from npm has
// no HEVC decoder. libheif runs synchronously, about 1 s of CPU per 12 MP, so it runs in a worker
// thread: the server keeps answering while an iPhone photo decodes. The container is parsed
// first, so a file that claims too many pixels is refused before any pixel memory is allocated.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { heicTruncated } from './heic-boxes';
import { ImageError } from './image-error';

/** Decoded pixels, 4 bytes (RGBA) per pixel, already turned upright by the file's irot/imir. */
export type RgbaImage = { width: number; height: number; data: Buffer };

type Reply =
  | { id: number; ok: true; width: number; height: number; data: Uint8Array }
  | { id: number; ok: false; code: 'image_unreadable' | 'image_too_large'; message: string };

// Plain JavaScript, so the worker runs the same under tsx, vitest and compiled builds.
// It decodes the first top-level image, the one phones store the photo in.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const decode = require(workerData.heicDecodePath);
parentPort.on('message', async ({ id, bytes, maxPixels }) => {
  let images;
  try {
    images = await decode.all({ buffer: bytes });
  } catch (err) {
    return parentPort.postMessage({ id, ok: false, code: 'image_unreadable', message: 'the HEIC container cannot be read' });
  }
  try {
    const first = images[0];
    if (!first || !(first.width > 0) || !(first.height > 0)) {
      return parentPort.postMessage({ id, ok: false, code: 'image_unreadable', message: 'the HEIC file holds no image' });
    }
    if (first.width * first.height > maxPixels) {
      return parentPort.postMessage({ id, ok: false, code: 'image_too_large', message: 'image is ' + first.width + 'x' + first.height + ', more than ' + maxPixels + ' pixels' });
    }
    const px = await first.decode();
    parentPort.postMessage({ id, ok: true, width: px.width, height: px.height, data: px.data }, [px.data.buffer]);
  } catch (err) {
    parentPort.postMessage({ id, ok: false, code: 'image_unreadable', message: 'the HEIC image cannot be decoded' });
  } finally {
    images.dispose();
  }
});
`;

// libheif's WASM heap keeps its peak size; ending an idle worker gives that memory back.
const IDLE_MS = 30_000;

let worker: Worker | undefined;
let idleTimer: NodeJS.Timeout | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();

function getWorker(): Worker {
  if (worker) return worker;
  const heicDecodePath = createRequire(import.meta.url).resolve('heic-decode');
  const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { heicDecodePath } });
  w.unref();
  w.on('message', (reply: Reply) => {
    pending.get(reply.id)?.resolve(reply);
    pending.delete(reply.id);
  });
  const fail = (err: Error) => {
    if (worker === w) worker = undefined;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`the HEIC worker exited with code ${code}`)));
  worker = w;
  return w;
}

/**
 * Decodes the first top-level image of a HEIC file.
 * Throws ImageError: image_too_large past `maxPixels`, image_unreadable for anything undecodable.
 */
export async function decodeHeic(bytes: Buffer, maxPixels: number): Promise<RgbaImage> {
  if (heicTruncated(bytes)) throw new ImageError('image_unreadable', 'the HEIC file is truncated');
  clearTimeout(idleTimer);
  const w = getWorker();
  const id = nextId++;
  let reply: Reply;
  try {
    reply = await new Promise<Reply>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      // A copy goes to the worker; the caller keeps its buffer (it is stored as the original).
      w.postMessage({ id, bytes: new Uint8Array(bytes), maxPixels });
    });
  } catch (cause) {
    throw new ImageError('image_unreadable', 'the HEIC image cannot be decoded', { cause });
  } finally {
    if (pending.size === 0) {
      idleTimer = setTimeout(() => void worker?.terminate(), IDLE_MS);
      idleTimer.unref();
    }
  }
  if (!reply.ok) throw new ImageError(reply.code, reply.message);
  return { width: reply.width, height: reply.height, data: Buffer.from(reply.data.buffer, reply.data.byteOffset, reply.data.byteLength) };
}
