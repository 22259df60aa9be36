// GET /api/map/clusters: the map's clusters and single cases for a viewport, in the caller's scope.
import { createRoute } from '@hono/zod-openapi';
import { etag } from 'hono/etag';
import { bearerSecurity, createRouter, currentUser, errorResponse, requireUser } from '../../http/router';
import { ClustersQuery, ClustersResponse } from './clusters.schemas';
import { mapClusters, type ClustersDeps } from './clusters.service';

const DESCRIPTION = `Server-side clustering for the map. The viewport is cut into a Web-Mercator grid of 64-px cells at
\`zoom\` (4 × 4 cells per 256-px tile). Every cell holding matching cases becomes one feature:

- a **cluster** (\`kind: "cluster"\`) at the count-weighted mean position of its cases, with \`count\`, \`by_status\`
  (cases per state, for a pie or ring) and \`bbox\` (the cell: zoom to it to expand the cluster);
- a **case** (\`kind: "case"\`) when the cell holds one case, with what a marker needs: \`id\`, \`code\`, \`status\`,
  \`category\`, \`severity\`, \`urgent\`, \`overdue\`, \`due_soon\`. Beyond zoom 17, cells of up to 8 cases show each case.

**Limits.** An answer has at most 500 features. A bbox that spans more than 500 cells at \`zoom\` (a 1920 × 1080
screen is about 31 × 18) is clustered on the next coarser grid, up to two zooms coarser, and \`grid.zoom\` says which;
a bbox larger still gets 400 \`viewport_too_large\`. Bboxes may not cross the antimeridian; latitudes beyond ±85.05°
fold into the edge cells.

The filters and the scope are exactly those of \`GET /api/cases\`: you see the same cases as in the list.
Counts come from aggregates kept up to date in the same transaction as every change (\`source: "aggregates"\`),
or, for filters those cannot answer (overdue, due_soon, urgent, q, from, to, mine, an area below a street, the
inspector's scope, zooms past 17), from the cases themselves (\`source: "query"\`); both give the same answer.
The response carries an ETag; send it back in \`If-None-Match\` for a 304 when nothing changed.`;

const clustersRoute = createRoute({
  method: 'get',
  path: '/map/clusters',
  tags: ['map'],
  summary: 'Clusters and single cases for a map viewport (GeoJSON), with the case list’s filters',
  description: DESCRIPTION,
  security: bearerSecurity,
  middleware: [requireUser(), etag()] as const,
  request: { query: ClustersQuery },
  responses: {
    200: { description: 'An RFC 7946 FeatureCollection of clusters and cases', content: { 'application/geo+json': { schema: ClustersResponse } } },
    304: { description: 'Not modified (If-None-Match matched the ETag)' },
    400: errorResponse('validation_failed (bbox, zoom or a filter) or viewport_too_large'),
    401: errorResponse('Not logged in'),
    422: errorResponse('unknown_area'),
  },
});

export function mapRoutes(deps: ClustersDeps) {
  return createRouter().openapi(clustersRoute, async (c) => {
    const q = c.req.valid('query');
    const body = await mapClusters(deps, currentUser(c), {
      ...q,
      dueSoon: q.due_soon,
      from: q.from ? new Date(q.from) : undefined,
      to: q.to ? new Date(q.to) : undefined,
    });
    // Private: the answer depends on who asks. no-cache: revalidate with the ETag every time.
    return c.json(body, 200, { 'Content-Type': 'application/geo+json; charset=utf-8', 'Cache-Control': 'private, no-cache', Vary: 'Authorization, Cookie' });
  });
}
