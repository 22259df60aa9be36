// GET /api/config: the public settings the map UI needs before login (base map, version).
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../../http/router';

const UiConfig = z
  .object({
    version: z.string(),
    tileUrl: z.string().openapi({ description: 'Base map tile URL template ({z}/{x}/{y})' }),
    tileAttribution: z.string(),
  })
  .openapi('UiConfig');

const route = createRoute({
  method: 'get',
  path: '/config',
  tags: ['ui'],
  summary: 'Public settings for the map UI',
  responses: { 200: { description: 'UI settings', content: { 'application/json': { schema: UiConfig } } } },
});

export function uiConfigRoutes(settings: z.infer<typeof UiConfig>) {
  return createRouter().openapi(route, (c) => c.json(settings, 200));
}
