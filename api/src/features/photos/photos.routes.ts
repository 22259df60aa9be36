// GET /photos/:id/:size — original (as a download), display or thumb; ETag and 304; only for those who may see the case.
import { createRoute, z } from '@hono/zod-openapi';
import type { Db } from '../../db/db';
import { bearerSecurity, createRouter, currentUser, errorResponse, requireUser } from '../../http/router';
import type { BlobStore } from '../../photos/blob-store';
import { PHOTO_SIZES, photoEtag, readPhoto } from './photos.service';

const route = createRoute({
  method: 'get',
  path: '/photos/{id}/{size}',
  tags: ['photos'],
  summary: 'A photo file. Derivatives are immutable; all answer If-None-Match with 304.',
  security: bearerSecurity,
  middleware: [requireUser()] as const,
  request: {
    params: z.object({
      id: z.string().openapi({ param: { name: 'id', in: 'path' }, format: 'uuid' }),
      size: z.enum(PHOTO_SIZES).openapi({ param: { name: 'size', in: 'path' } }),
    }),
  },
  responses: {
    200: { description: 'The image', content: { 'image/*': { schema: z.string().openapi({ format: 'binary' }) } } },
    304: { description: 'Not modified' },
    401: errorResponse('Not logged in'),
    404: errorResponse('No such photo, or its case is outside your scope'),
  },
});

const EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/heic': 'heic' };
const extOf = (mime: string) => EXT[mime] ?? 'bin';

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}

export function photosRoutes(deps: { db: Db; blobs: BlobStore }) {
  return createRouter().openapi(route, async (c) => {
    const { id, size } = c.req.valid('param');
    const file = await photoEtag(deps, currentUser(c), id, size);
    const headers: Record<string, string> = {
      ETag: file.etag,
      // Photos are access-controlled: shared caches must not keep them.
      'Cache-Control': size === 'original' ? 'private, no-cache' : 'private, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
      Vary: 'Cookie, Authorization',
    };
    // An original is kept byte for byte as evidence, so it may carry trailing data (a JPEG+ZIP or
    // JPEG+HTML polyglot): it is only ever downloaded, never rendered inline (with nosniff, a
    // browser cannot read it as HTML). Display and thumb images are our own re-encodes and show inline.
    if (size === 'original') headers['Content-Disposition'] = `attachment; filename="${id}.${extOf(file.mime)}"`;
    if (matches(c.req.header('if-none-match'), file.etag)) return new Response(null, { status: 304, headers });
    const bytes = await readPhoto(deps, file.key);
    return new Response(new Uint8Array(bytes), { status: 200, headers: { ...headers, 'Content-Type': file.mime, 'Content-Length': String(bytes.length) } });
  });
}
