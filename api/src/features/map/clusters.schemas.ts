// Request and response shapes of GET /api/map/clusters; they validate and document at once.
import { z } from '@hono/zod-openapi';
import { QueryDateTime } from '../../http/query-dates';
import { BboxParam } from '../areas/areas.schemas';
import { CategoryFilter, StatusFilter } from '../cases/cases.schemas';

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
const flag = (description: string) => bool.optional().openapi({ type: 'string', enum: ['true', 'false'], description });

export const CASE_STATUSES = ['submitted', 'registered', 'dispatched', 'in_progress', 'rectified', 'closed', 'rejected', 'merged'] as const;

/** The case list's filters (GET /api/cases), plus the viewport. */
export const ClustersQuery = z.object({
  bbox: BboxParam.openapi({ type: 'string', example: '120.50,31.20,120.60,31.30', description: 'The viewport: minLon,minLat,maxLon,maxLat (WGS-84); must not cross the antimeridian' }),
  zoom: z.coerce.number().int().min(0).max(22).openapi({ type: 'integer', example: 13, description: "The map's zoom level (Web-Mercator, 256-px tiles), 0–22" }),
  status: StatusFilter.optional(),
  category: CategoryFilter.optional(),
  area: z.string().max(64).optional().openapi({ description: 'Area code or id: cases anywhere below it' }),
  overdue: flag('Overdue: dispatched or in progress, past the deadline'),
  due_soon: flag('In the last 20% of the allowed time'),
  urgent: flag('Supervised (督办) at least once'),
  q: z.string().trim().min(1).max(100).optional().openapi({ description: 'Text in the code or description' }),
  from: QueryDateTime.optional().openapi({ description: 'Created at or after' }),
  to: QueryDateTime.optional().openapi({ description: 'Created before' }),
  mine: flag('true: only the cases you reported (我的上报)'),
});

const Point = z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) });

const ClusterFeature = z
  .object({
    type: z.literal('Feature'),
    id: z.string().openapi({ example: '13/27433/13362', description: 'grid zoom/gx/gy' }),
    geometry: Point.openapi({ description: 'The mean position of the cases in the cell' }),
    properties: z.object({
      kind: z.literal('cluster'),
      count: z.number().int(),
      by_status: z.partialRecord(z.enum(CASE_STATUSES), z.number().int()).openapi({ description: 'Count per state; states with none are left out' }),
      bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).openapi({ description: "The cell's bounds: zoom the map to them to expand the cluster" }),
    }),
  })
  .openapi('ClusterFeature');

const CaseFeature = z
  .object({
    type: z.literal('Feature'),
    id: z.number().int(),
    geometry: Point,
    properties: z.object({
      kind: z.literal('case'),
      id: z.number().int(),
      code: z.string(),
      status: z.enum(CASE_STATUSES),
      category: z.string(),
      severity: z.enum(['general', 'serious', 'major']),
      urgent: z.boolean(),
      overdue: z.boolean(),
      due_soon: z.boolean(),
    }),
  })
  .openapi('CaseMarkerFeature');

export const ClustersResponse = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(z.union([ClusterFeature, CaseFeature])),
    total: z.number().int().openapi({ description: 'Cases in the viewport that match' }),
    grid: z.object({ zoom: z.number().int(), cell_px: z.number().int() }).openapi({ description: 'The grid the cases were grouped on' }),
    source: z.enum(['aggregates', 'query']).openapi({ description: 'aggregates: the maintained per-cell counts; query: grouped from the cases at request time' }),
  })
  .openapi('MapClusters');

export type ClustersResponse = z.infer<typeof ClustersResponse>;
