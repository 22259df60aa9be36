// CPU time per 12-megapixel phone JPEG, on one core, for three pipelines doing the same job
// (an upright display image about 2048 px and a 320 px thumbnail, metadata stripped):
//   (a) ours: processPhoto(), JPEG scale-on-load to 2016 px, thumbnail made from the display image;
//   (b) naive: full-size decode to a 2048 px WebP, then a second thumbnail from the original;
//   (c) ImageMagick's convert -auto-orient -strip -resize, as FixMyStreet's pipeline works.
// Also, for information: (d) sharp's own resize without scale-on-load, (e) a real iPhone HEIC.
// The photo is generated at the start (4032x3024, gradients and grain, EXIF orientation 6).
// Usage: npx tsx bench/photo-pipeline.ts [--iterations 10]
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { processPhoto } from '../api/src/photos/image';

const iterations = Number(process.argv[process.argv.indexOf('--iterations') + 1]) || 10;
const WARM_UP = 2;
const TARGET_RATIO = 4;
const TARGET_MS = 130;
const W = 4032;
const H = 3024;

sharp.concurrency(1); // one libvips thread per operation: the figures are per core

/** A phone-like photo: smooth gradients under fine, slightly soft grain, saved as a phone would. */
async function makePhoto(): Promise<Buffer> {
  const gradient = Buffer.alloc(W * H * 3);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const i = (y * W + x) * 3;
      gradient[i] = (x * 255) / W;
      gradient[i + 1] = (y * 255) / H;
      gradient[i + 2] = 128 + 100 * Math.sin((x + y) / 300);
    }
  }
  const grain = await sharp({ create: { width: W, height: H, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
    .blur(1.2)
    .png({ compressionLevel: 0 })
    .toBuffer();
  return sharp(gradient, { raw: { width: W, height: H, channels: 3 } })
    .composite([{ input: grain, blend: 'overlay' }])
    .withMetadata({ orientation: 6 })
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** The naive pipeline: each derivative decoded from the full original; WebP display. */
async function naive(photo: Buffer): Promise<void> {
  await sharp(photo).autoOrient().resize(2048, 2048, { fit: 'inside' }).webp().toBuffer();
  await sharp(photo).autoOrient().resize(320, 320, { fit: 'inside' }).webp().toBuffer();
}

/** sharp's own resize to our display size: shows what scale-on-load saves (informational). */
async function plainSharp(photo: Buffer): Promise<void> {
  const display = await sharp(photo, { failOn: 'error' }).autoOrient().resize(1512, 2016, { fit: 'fill' }).keepIccProfile().jpeg({ quality: 82, optimiseCoding: false }).toBuffer();
  await sharp(display).resize(240, 320, { fit: 'fill' }).keepIccProfile().jpeg({ quality: 75 }).toBuffer();
}

type Figure = { cpuMs: number; wallMs: number };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median CPU (all threads of this process) and wall time per run, after a warm-up. */
async function measure(run: () => Promise<unknown>, n = iterations): Promise<Figure> {
  for (let i = 0; i < WARM_UP; i++) await run();
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < n; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await run();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { cpuMs: median(cpu), wallMs: median(wall) };
}

/** ImageMagick's convert, preferring the real binary over any wrapper earlier on PATH. */
function findConvert(): string | null {
  for (const bin of ['/usr/bin/convert', 'convert']) {
    const r = spawnSync(bin, ['-version'], { encoding: 'utf8' });
    if (r.status === 0 && /ImageMagick/.test(r.stdout)) return bin;
  }
  return null;
}

/** Runs a shell loop of `convert` and reads the children's CPU time from the shell's `times`. */
function timeShellLoop(script: string, n: number, env: NodeJS.ProcessEnv): Figure {
  const t0 = performance.now();
  const out = execFileSync('sh', ['-c', `i=0; while [ $i -lt ${n} ]; do ${script} || exit 1; i=$((i+1)); done; times`], { encoding: 'utf8', env });
  const wallMs = (performance.now() - t0) / n;
  const children = out.trim().split('\n').pop() ?? '';
  const secs = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return { cpuMs: ((secs[0] ?? 0) + (secs[1] ?? 0)) * 1000 / n, wallMs };
}

function imageMagick(convert: string, photo: Buffer, dir: string): { job: Figure; startUp: Figure } {
  const input = path.join(dir, 'photo.jpg');
  fs.writeFileSync(input, photo);
  const env = { ...process.env, MAGICK_THREAD_LIMIT: '1' }; // one core, like sharp.concurrency(1)
  const q = (s: string) => `'${s}'`;
  const job = `${q(convert)} ${q(input)} -auto-orient -strip -resize 2016x2016 -quality 82 -write ${q(path.join(dir, 'display.jpg'))} -resize 320x320 -quality 75 ${q(path.join(dir, 'thumb.jpg'))}`;
  timeShellLoop(job, WARM_UP, env);
  return {
    job: timeShellLoop(job, iterations, env),
    startUp: timeShellLoop(`${q(convert)} -size 1x1 xc:white ${q(path.join(dir, 'dot.png'))}`, iterations, env),
  };
}

const fmt = (f: Figure) => `${f.cpuMs.toFixed(0).padStart(5)} ms CPU  ${f.wallMs.toFixed(0).padStart(5)} ms wall`;

const photo = await makePhoto();
const meta = await sharp(photo).metadata();
console.log(`photo: ${meta.width}x${meta.height} JPEG, EXIF orientation ${meta.orientation}, ${(photo.length / 1e6).toFixed(2)} MB`);
console.log(`machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; node ${process.version}, sharp ${sharp.versions.sharp}, libvips ${sharp.versions.vips}`);
console.log(`median of ${iterations} runs after ${WARM_UP} warm-up runs, one core\n`);

const out = await processPhoto(photo, 'jpeg', { maxPixels: 50_000_000 });
console.log(`ours gives: display ${out.display.width}x${out.display.height} (${(out.display.bytes.length / 1e3).toFixed(0)} kB), thumb ${out.thumb.width}x${out.thumb.height}`);

const ours = await measure(() => processPhoto(photo, 'jpeg', { maxPixels: 50_000_000 }));
const naiveFig = await measure(() => naive(photo));
const plain = await measure(() => plainSharp(photo));

console.log(`(a) ours                        ${fmt(ours)}   target <= ${TARGET_MS} ms CPU: ${ours.cpuMs <= TARGET_MS ? 'met' : 'MISSED'}`);
console.log(`(b) naive (full decode, WebP)   ${fmt(naiveFig)}   ours is ${(naiveFig.cpuMs / ours.cpuMs).toFixed(1)}x faster; target >= ${TARGET_RATIO}x: ${naiveFig.cpuMs / ours.cpuMs >= TARGET_RATIO ? 'met' : 'MISSED'}`);

const convert = findConvert();
if (!convert) {
  console.log('(c) ImageMagick: not measured, `convert` is not installed (Debian: apt-get install -y imagemagick)');
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xuncha-bench-photo-'));
  try {
    const { job, startUp } = imageMagick(convert, photo, dir);
    const version = execFileSync(convert, ['-version'], { encoding: 'utf8' }).split('\n')[0]?.replace(/^Version: /, '') ?? '';
    console.log(`(c) ImageMagick convert         ${fmt(job)}   ours is ${(job.cpuMs / ours.cpuMs).toFixed(1)}x faster`);
    console.log(`    (${version}; includes ${startUp.cpuMs.toFixed(0)} ms CPU of process start-up per run)`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
console.log(`(d) sharp resize, no scale-on-load ${fmt(plain)}   (informational: what the scratch-file scale-on-load saves)`);

// Informational: a real 12 MP iPhone HEIC, decoded by libheif in WASM (sharp from npm has no HEVC).
const heicFixture = path.resolve(import.meta.dirname, '../tests/fixtures/photos/heic_iphone_13_pro_max.HEIC');
if (fs.existsSync(heicFixture)) {
  const heic = fs.readFileSync(heicFixture);
  const heicFig = await measure(() => processPhoto(heic, 'heic', { maxPixels: 50_000_000 }), 3);
  console.log(`(e) ours on a 3024x4032 iPhone HEIC ${fmt(heicFig)}   (informational, median of 3; blocks the event loop while libheif runs)`);
}
