// Which level's area names the map draws at each zoom (pure, so it is tested without a browser).
import type { AreaLevel } from '../api-types';

/** From the deepest level down: the first whose zoom is reached is labelled. */
const LABEL_ZOOMS: readonly (readonly [AreaLevel, number])[] = [
  ['micro_grid', 17],
  ['grid', 15],
  ['community', 14],
  ['street', 12],
];

/** The level whose names are drawn at `zoom`, among the visible ones; null below street zoom. */
export function labelLevelAt(zoom: number, visible: (level: AreaLevel) => boolean): AreaLevel | null {
  for (const [level, minZoom] of LABEL_ZOOMS) if (zoom >= minZoom && visible(level)) return level;
  return null;
}
