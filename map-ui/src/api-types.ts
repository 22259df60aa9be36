// The shapes the API answers with, as the map UI reads them (see the API's *.schemas.ts).
import type { FeatureCollection, LineString, MultiPolygon, Point } from 'geojson';

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
  /** A point inside the area (lon, lat), for its name on the map. */
  label_point: [number, number];
};

/** GET /api/areas: parents before children. */
export type AreaCollection = FeatureCollection<MultiPolygon, AreaProperties>;

export type AreaFilter = {
  level?: AreaLevel;
  parent?: string;
  /** minLon, minLat, maxLon, maxLat in WGS-84. */
  bbox?: readonly [number, number, number, number];
};

/** The actions of the closed loop, as POST /api/cases/:id/actions names them. */
export type CaseActionName =
  | 'accept' | 'reject' | 'dispatch' | 'start' | 'rectify' | 'recheck_pass' | 'recheck_fail' | 'return' | 'supervise' | 'merge' | 'reopen' | 'relocate';

export type CasePhoto = {
  id: string;
  /** before, after or recheck. */
  stage: string;
  width: number;
  height: number;
  taken_at: string | null;
  urls: { original: string; display: string; thumb: string };
};

/** GET /api/cases/:id: one case with the actions the caller may take now. */
export type CaseDetail = {
  id: number;
  code: string;
  status: string;
  category: { code: string; domain: string; name_zh: string; name_en: string; icon: string };
  severity: 'general' | 'serious' | 'major';
  handling_mode: string | null;
  description: string;
  location: { type: 'Point'; coordinates: [number, number] };
  area_path: { id: number; code: string; name: string; level: string }[];
  unassigned: boolean;
  unit: { id: number; code: string; name: string } | null;
  reporter: { id: number; display_name: string } | null;
  flags: string[];
  rework_count: number;
  urgent: boolean;
  supervision_count: number;
  merged_into_id: number | null;
  overdue: boolean;
  due_soon: boolean;
  available_actions: CaseActionName[];
  version: number;
  created_at: string;
  dispatched_at: string | null;
  due_at: string | null;
  closed_at: string | null;
  expected_due_at: string | null;
  photos: CasePhoto[];
};

/** One entry of GET /api/cases/:id/events, oldest first. */
export type CaseEvent = {
  id: number;
  action: string;
  from: string | null;
  to: string;
  actor: { id: number; display_name: string; role: string } | null;
  note: string | null;
  payload: Record<string, unknown>;
  at: string;
  photos: { id: string; stage: string; urls: { display: string; thumb: string } }[];
};

/** The fields an action may carry besides its name and the case version. */
export type CaseActionFields = {
  note?: string;
  reason?: string;
  handling_mode?: 'on_the_spot' | 'consultation' | 'joint';
  severity?: 'general' | 'serious' | 'major';
  unit_id?: number;
  due_at?: string;
  target_case_id?: number;
  /** relocate: the corrected point. */
  lat?: number;
  lon?: number;
};

/** GET /api/units: a responsible unit a case may be dispatched to. */
export type UnitOption = { id: number; code: string; name: string; kind: string };

/** One row of GET /api/cases (JSON). */
export type CaseListItem = {
  id: number;
  code: string;
  status: string;
  category: string;
  severity: string;
  description: string;
  area: { id: number; code: string; name: string; level: string } | null;
  unit: { id: number; name: string } | null;
  urgent: boolean;
  overdue: boolean;
  due_soon: boolean;
  created_at: string;
  due_at: string | null;
};

/** A page of GET /api/cases and the total that match the filters. */
export type CaseListPage = { total: number; cases: CaseListItem[] };

/** The states of the closed loop, in the order a case moves through them. */
export const CASE_STATES = ['submitted', 'registered', 'dispatched', 'in_progress', 'rectified', 'closed', 'rejected', 'merged'] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** GET /api/categories: river 河道 and fire 消防 groups. */
export type CategoryTree = {
  groups: {
    domain: 'river' | 'fire';
    name_zh: string;
    name_en: string;
    categories: { code: string; name_zh: string; name_en: string; icon: string; default_severity: string }[];
  }[];
};

/** The filters GET /api/cases and GET /api/map/clusters share, as query parameters. */
export type CaseQueryParams = Record<string, string>;

/** GET /api/cases with Accept: application/geo+json: the same rows as Points. */
/** `total_capped`: more cases match than the API counts (10 000); `total` is then a lower bound. */
export type CaseFeatureCollection = FeatureCollection<Point, CaseListItem> & { total: number; total_capped?: boolean };

/** GET /api/map/clusters: a cluster of cases, or one case, at a Point. */
export type ClusterProperties =
  | { kind: 'cluster'; count: number; by_status: Partial<Record<string, number>>; /** The cell it counts (WGS-84), when given. */ bbox?: [number, number, number, number] }
  | { kind: 'case'; id: number; code: string; status: string; category: string; severity: string; urgent: boolean; overdue: boolean; due_soon: boolean };
export type ClusterCollection = FeatureCollection<Point, ClusterProperties>;

/** GET /api/rivers: river segments 河段. */
export type RiverProperties = {
  id: number;
  code: string;
  river_name: string;
  name: string;
  chief_name: string | null;
  patrol_every_days: number;
  area: { id: number; code: string; name: string } | null;
};
export type RiverCollection = FeatureCollection<LineString, RiverProperties>;

/** The `data` of an `event: case` message on GET /api/events/stream. */
export type CaseChange = {
  event_id: number;
  case_id: number;
  code: string;
  action: string;
  from: string | null;
  to: string;
  status: string;
  at: string;
  category: string;
  lon: number;
  lat: number;
};
