// Small geodesy for WGS-84 points: validity and distances, where a database round trip is not worth it.

export type LonLat = { lon: number; lat: number };

const EARTH_RADIUS_M = 6_371_008.8;

/**
 * A usable GPS fix: finite, in range, and not the (0, 0) that broken receivers report.
 * @example isValidLonLat({ lon: 120.6, lat: 31.3 }) // true
 */
export function isValidLonLat(p: { lon: unknown; lat: unknown }): p is LonLat {
  const { lon, lat } = p;
  if (typeof lon !== 'number' || typeof lat !== 'number') return false;
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return false;
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90) return false;
  return !(Math.abs(lon) < 1e-9 && Math.abs(lat) < 1e-9);
}

/** Great-circle distance in metres (haversine; within 0.5% of the ellipsoid at city scale). */
export function distanceM(a: LonLat, b: LonLat): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Degrees of longitude and latitude that surely contain a radius in metres around a point,
 * for an index-friendly bounding-box prefilter before an exact distance test.
 */
export function degreesAround(p: LonLat, radiusM: number): { dLon: number; dLat: number } {
  const dLat = (radiusM / 111_000) * 1.01;
  const cos = Math.max(Math.cos((Math.min(Math.abs(p.lat) + dLat, 89.9) * Math.PI) / 180), 1e-6);
  return { dLon: dLat / cos, dLat };
}
