// GET /api/config: the public settings the map UI needs before login (base maps, version).
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../../http/router';
import type { BaseMap } from './base-maps';

const BaseMapSchema = z.object({
  id: z.enum(['osm', 'tianditu', 'amap']),
  layers: z.array(z.string()).openapi({ description: 'Tile URL templates ({s}, {z}, {x}, {y}), bottom to top' }),
  subdomains: z.string(),
  attribution: z.string(),
  datum: z.enum(['wgs84', 'gcj02']).openapi({ description: 'gcj02: the UI shifts WGS-84 points for display on these tiles' }),
  maxZoom: z.number(),
});

const UiConfig = z
  .object({
    version: z.string(),
    tileUrl: z.string().openapi({ description: 'The default base map tile URL template ({z}/{x}/{y})' }),
    tileAttribution: z.string(),
    baseMaps: z.array(BaseMapSchema).openapi({ description: 'Base maps on offer; the first is the default' }),
  })
  .openapi('UiConfig');

const route = createRoute({
  method: 'get',
  path: '/config',
  tags: ['ui'],
  summary: 'Public settings for the map UI',
  responses: { 200: { description: 'UI settings', content: { 'application/json': { schema: UiConfig } } } },
});

export function uiConfigRoutes(settings: { version: string; tileUrl: string; tileAttribution: string; baseMaps: BaseMap[] }) {
  return createRouter().openapi(route, (c) => c.json(settings, 200));
}
