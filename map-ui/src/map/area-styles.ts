// How each area level is drawn: distinct hues, and deeper levels thinner and lighter so the hierarchy reads at a glance.
import type { PathOptions } from 'leaflet';
import type { AreaLevel } from '../api-types';

export type LevelStyle = {
  /** Outline and fill colour; the legend shows the same colour. */
  color: string;
  /** Outline width in pixels: the district is boldest, a micro-grid finest. */
  weight: number;
  /** Outline opacity: deeper levels fade a little so they never hide their parents' borders. */
  opacity: number;
  /** Fill opacity: nested fills add up, so each stays faint. */
  fillOpacity: number;
  /** SVG dash pattern; micro-grids are dashed, as on paper grid maps. */
  dashArray?: string;
};

export const LEVEL_STYLES: Record<AreaLevel, LevelStyle> = {
  // The district is a wide, soft band, so it still shows where a street's border runs along it.
  district: { color: '#1d3557', weight: 8, opacity: 0.35, fillOpacity: 0.02 },
  street: { color: '#7b2cbf', weight: 3.5, opacity: 0.9, fillOpacity: 0.025 },
  community: { color: '#0b7a75', weight: 2.25, opacity: 0.9, fillOpacity: 0.04 },
  grid: { color: '#d9480f', weight: 1.5, opacity: 0.85, fillOpacity: 0.06 },
  micro_grid: { color: '#c2255c', weight: 1, opacity: 0.85, fillOpacity: 0.08, dashArray: '4 3' },
};

/** The Leaflet path options of an area of `level`; the class names let tests and CSS find a level's paths. */
export function areaPathOptions(level: AreaLevel): PathOptions {
  const s = LEVEL_STYLES[level];
  return {
    className: `xc-area xc-area-${level}`,
    color: s.color,
    weight: s.weight,
    opacity: s.opacity,
    fillColor: s.color,
    fillOpacity: s.fillOpacity,
    dashArray: s.dashArray ?? '',
  };
}

/** Extra emphasis for the area under the pointer. */
export function hoverPathOptions(level: AreaLevel): PathOptions {
  const s = LEVEL_STYLES[level];
  return { weight: s.weight + 1.5, opacity: 1, fillOpacity: Math.min(0.3, s.fillOpacity + 0.14) };
}
