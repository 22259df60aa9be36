// The shapes the API answers with, as the map UI reads them (see the API's *.schemas.ts).
import type { FeatureCollection, MultiPolygon } from 'geojson';

export const ROLES = ['admin', 'dispatcher', 'handler', 'inspector', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];

/** Area levels from the top of the hierarchy down; the order is the drawing order. */
export const AREA_LEVELS = ['district', 'street', 'community', 'grid', 'micro_grid'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

/** One base map on offer; `gcj02` tiles need our WGS-84 points shifted for display. */
export type BaseMapConfig = {
  id: 'osm' | 'tianditu' | 'amap';
  layers: string[];
  subdomains: string;
  attribution: string;
  datum: 'wgs84' | 'gcj02';
  maxZoom: number;
};

/** GET /api/config: public settings needed before login. */
export type UiConfig = { version: string; tileUrl: string; tileAttribution: string; baseMaps: BaseMapConfig[] };

/** GET /api/me, and the user in a login answer. */
export type Me = {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  areaId: number | null;
  unitId: number | null;
  area: { id: number; code: string; name: string; level: string } | null;
  unit: { id: number; code: string; name: string; kind: string } | null;
};

export type LoginResponse = { user: Me; expiresAt: string };

export type AreaProperties = {
  id: number;
  code: string;
  name: string;
  level: AreaLevel;
  parent_id: number | null;
  parent_code: string | null;
};

/** GET /api/areas: parents before children. */
export type AreaCollection = FeatureCollection<MultiPolygon, AreaProperties>;

export type AreaFilter = {
  level?: AreaLevel;
  parent?: string;
  /** minLon, minLat, maxLon, maxLat in WGS-84. */
  bbox?: readonly [number, number, number, number];
};
