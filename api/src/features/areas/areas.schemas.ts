// Query and response shapes for GET /api/areas.
import { z } from '@hono/zod-openapi';
import { AREA_LEVELS } from './areas.repo';

/** `minLon,minLat,maxLon,maxLat` in WGS-84, as in DESIGN.md. */
export const BboxParam = z
  .string()
  .transform((s, ctx) => {
    const n = s.split(',').map((p) => Number(p.trim()));
    const [minLon, minLat, maxLon, maxLat] = n;
    if (n.length !== 4 || n.some((v) => !Number.isFinite(v)) || minLon === undefined || minLat === undefined || maxLon === undefined || maxLat === undefined) {
      ctx.addIssue({ code: 'custom', message: 'bbox must be minLon,minLat,maxLon,maxLat' });
      return z.NEVER;
    }
    if (minLon < -180 || maxLon > 180 || minLat < -90 || maxLat > 90 || minLon > maxLon || minLat > maxLat) {
      ctx.addIssue({ code: 'custom', message: 'bbox is out of range or inverted' });
      return z.NEVER;
    }
    return [minLon, minLat, maxLon, maxLat] as const;
  })
  .openapi({ type: 'string', example: '120.55,31.25,120.65,31.35', description: 'minLon,minLat,maxLon,maxLat (WGS-84)' });

export const AreasQuery = z.object({
  level: z.enum(AREA_LEVELS).optional().openapi({ description: 'Only areas of this level' }),
  parent: z.string().min(1).max(64).optional().openapi({ description: "Only the children of this area (its code or id)" }),
  bbox: BboxParam.optional(),
});

const AreaFeature = z.object({
  type: z.literal('Feature'),
  id: z.number().int(),
  geometry: z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(z.array(z.number())))) }),
  properties: z.object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    level: z.enum(AREA_LEVELS),
    parent_id: z.number().int().nullable(),
    parent_code: z.string().nullable(),
    label_point: z.tuple([z.number(), z.number()]).openapi({ description: 'A point inside the area (lon, lat) where its name can be drawn' }),
  }),
});

export const AreaCollection = z
  .object({ type: z.literal('FeatureCollection'), features: z.array(AreaFeature) })
  .openapi('AreaCollection');
