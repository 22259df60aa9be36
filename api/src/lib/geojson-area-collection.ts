// Reads a GeoJSON FeatureCollection of area boundaries without touching the database: checks each
// feature's properties and geometry shape, closes unclosed rings, finds duplicate codes and
// parent links inside the file, and orders parents before children.

export const LEVELS = ['district', 'street', 'community', 'grid', 'micro_grid'] as const;
export type Level = (typeof LEVELS)[number];

export type Position = [number, number];
export type AreaGeometry = { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };

export type AreaFeature = {
  /** Position in the file's `features` array. */
  index: number;
  /** How messages name the feature: its code, or its index when it has none. */
  label: string;
  code: string;
  name: string;
  level: Level;
  parentCode: string | null;
  geometry: AreaGeometry;
};

/** Something fixed in a feature on the way in, such as a ring closed or a self-intersection made valid. */
export type Repair = { label: string; note: string };

export type ParsedCollection = {
  /** Features whose properties and geometry shape are usable. */
  features: AreaFeature[];
  /** One line per problem; any problem means nothing may be written. */
  problems: string[];
  /** Each change made to make a feature usable. */
  repairs: Repair[];
  /** Every code in the file, from usable features or not: a child of a broken feature is not an orphan. */
  codesInFile: Set<string>;
};

const CODE_MAX = 64;

/** Depth of a level: district 0 … micro_grid 4. */
export const levelDepth = (level: Level) => LEVELS.indexOf(level);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A code as text: GIS exports often write numeric codes as numbers. */
function codeOf(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return String(v);
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  return undefined;
}

const labelFor = (index: number, code: string | undefined) => (code ? `feature ${code}` : `features[${index}]`);

/** Checks one ring; returns it closed and two-dimensional, or a reason it cannot be a ring. */
function readRing(raw: unknown, where: string, note: (s: string) => void): Position[] | string {
  if (!Array.isArray(raw)) return `${where} is not an array of positions`;
  const ring: Position[] = [];
  for (const p of raw) {
    if (!Array.isArray(p) || p.length < 2 || !p.every((n) => typeof n === 'number' && Number.isFinite(n))) {
      return `${where} has a position that is not [longitude, latitude]: ${JSON.stringify(p)}`;
    }
    const [lon, lat] = p as number[];
    if (lon! < -180 || lon! > 180 || lat! < -90 || lat! > 90) {
      return `${where} has a coordinate out of range: [${lon}, ${lat}] (longitude -180..180, latitude -90..90; are they swapped?)`;
    }
    ring.push([lon!, lat!]);
  }
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) {
    ring.push([first[0], first[1]]);
    note(`closed the unclosed ${where}`);
  }
  if (ring.length < 4) return `${where} has fewer than 3 corners, so it cannot be repaired into a polygon`;
  return ring;
}

/** `prefix` names the polygon inside a MultiPolygon ("polygon 2 "), or is empty. */
function readPolygon(raw: unknown, prefix: string, note: (s: string) => void): Position[][] | string {
  if (!Array.isArray(raw) || raw.length === 0) return `${prefix || 'polygon '}has no rings`;
  const rings: Position[][] = [];
  for (const [k, r] of raw.entries()) {
    const ring = readRing(r, `${prefix}ring ${k}`, note);
    if (typeof ring === 'string') return ring;
    rings.push(ring);
  }
  return rings;
}

function readGeometry(raw: unknown, note: (s: string) => void): AreaGeometry | string {
  if (!isObject(raw)) return 'geometry is missing';
  if (raw.type === 'Polygon') {
    const rings = readPolygon(raw.coordinates, '', note);
    return typeof rings === 'string' ? rings : { type: 'Polygon', coordinates: rings };
  }
  if (raw.type === 'MultiPolygon') {
    if (!Array.isArray(raw.coordinates) || raw.coordinates.length === 0) return 'MultiPolygon has no polygons';
    const polygons: Position[][][] = [];
    for (const [k, p] of raw.coordinates.entries()) {
      const rings = readPolygon(p, `polygon ${k} `, note);
      if (typeof rings === 'string') return rings;
      polygons.push(rings);
    }
    return { type: 'MultiPolygon', coordinates: polygons };
  }
  return `geometry must be a Polygon or MultiPolygon, not ${typeof raw.type === 'string' ? raw.type : 'missing its type'}`;
}

function readFeature(raw: unknown, index: number, problems: string[], repairs: Repair[]): AreaFeature | undefined {
  const props = isObject(raw) && isObject(raw.properties) ? raw.properties : undefined;
  const code = codeOf(props?.code);
  const label = labelFor(index, code);
  const problem = (s: string) => problems.push(`${label}: ${s}`);
  if (!isObject(raw) || raw.type !== 'Feature') return void problem('is not a GeoJSON Feature');
  if (!props) return void problem('has no properties');

  const before = problems.length;
  if (!code) problem('properties.code is missing or empty');
  else if (code.length > CODE_MAX || /\s/.test(code)) problem(`code must be at most ${CODE_MAX} characters without spaces`);
  const name = typeof props.name === 'string' ? props.name.trim() : '';
  if (!name) problem('properties.name is missing or empty');
  const level = props.level;
  if (typeof level !== 'string' || !(LEVELS as readonly string[]).includes(level)) {
    problem(`level ${JSON.stringify(level ?? null)} is not one of ${LEVELS.join(', ')}`);
  }
  const hasParent = props.parent_code !== undefined && props.parent_code !== null && props.parent_code !== '';
  const parentCode = hasParent ? codeOf(props.parent_code) : null;
  if (hasParent && !parentCode) problem(`parent_code ${JSON.stringify(props.parent_code)} is not a code`);
  if (!hasParent && level !== 'district' && typeof level === 'string' && (LEVELS as readonly string[]).includes(level)) {
    problem(`a ${level} needs a parent_code (only a district has none)`);
  }
  if (parentCode && parentCode === code) problem('is its own parent');

  const notes: string[] = [];
  const geometry = readGeometry(raw.geometry, (s) => notes.push(s));
  if (typeof geometry === 'string') problem(geometry);
  if (problems.length > before || typeof geometry === 'string') return undefined;
  for (const note of notes) repairs.push({ label, note });
  return { index, label, code: code!, name, level: level as Level, parentCode: parentCode ?? null, geometry };
}

/** Reads and checks a FeatureCollection of areas. Never throws on bad input: it lists problems instead. */
export function parseAreaCollection(input: unknown): ParsedCollection {
  const problems: string[] = [];
  const repairs: Repair[] = [];
  if (!isObject(input) || input.type !== 'FeatureCollection' || !Array.isArray(input.features)) {
    return { features: [], problems: ['the file is not a GeoJSON FeatureCollection'], repairs, codesInFile: new Set() };
  }
  const crsName = isObject(input.crs) && isObject(input.crs.properties) ? input.crs.properties.name : undefined;
  if (typeof crsName === 'string' && !/CRS84|EPSG:{1,2}4326$/i.test(crsName)) {
    problems.push(`the file's crs is ${crsName}; areas must be in WGS-84 longitude/latitude (EPSG:4326)`);
  }
  if (input.features.length === 0) problems.push('the FeatureCollection has no features');

  const features: AreaFeature[] = [];
  const codesInFile = new Set<string>();
  input.features.forEach((raw, index) => {
    const code = isObject(raw) && isObject(raw.properties) ? codeOf(raw.properties.code) : undefined;
    if (code) codesInFile.add(code);
    const f = readFeature(raw, index, problems, repairs);
    if (f) features.push(f);
  });

  const firstByCode = new Map<string, AreaFeature>();
  for (const f of features) {
    const first = firstByCode.get(f.code);
    if (first) problems.push(`${f.label}: duplicate code, also used by features[${first.index}]`);
    else firstByCode.set(f.code, f);
  }
  for (const f of features) {
    const parent = f.parentCode ? firstByCode.get(f.parentCode) : undefined;
    if (parent && parent !== f && levelDepth(f.level) <= levelDepth(parent.level)) {
      problems.push(`${f.label}: a ${f.level} cannot be inside ${parent.label}, a ${parent.level}; a child must be at a deeper level than its parent`);
    }
  }
  return { features, problems, repairs, codesInFile };
}

/**
 * Batches in which parents come before their children: batch 0 holds features whose parent is
 * not in the file, batch n those whose parent is in batch n - 1. Assumes levels were checked,
 * which rules out cycles.
 */
export function parentsFirst(features: readonly AreaFeature[]): AreaFeature[][] {
  const byCode = new Map(features.map((f) => [f.code, f]));
  const depth = new Map<string, number>();
  const depthOf = (f: AreaFeature, seen: number): number => {
    const known = depth.get(f.code);
    if (known !== undefined) return known;
    const parent = f.parentCode ? byCode.get(f.parentCode) : undefined;
    if (parent && seen > features.length) throw new Error(`parent links loop at ${f.label}`);
    const d = parent ? depthOf(parent, seen + 1) + 1 : 0;
    depth.set(f.code, d);
    return d;
  };
  const batches: AreaFeature[][] = [];
  for (const f of features) (batches[depthOf(f, 0)] ??= []).push(f);
  return batches.filter((b) => b !== undefined);
}
