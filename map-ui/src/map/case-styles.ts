// How cases are drawn: one colour per state (the legend shows the same), and a small line glyph per category icon.
import { CASE_STATES, type CaseState } from '../api-types';

/** Fill colours of the markers; each keeps a white glyph readable (contrast ≥ 3:1). */
export const STATE_COLORS: Record<CaseState, string> = {
  submitted: '#d9480f', // 待受理: new reports want attention first
  registered: '#a35f00',
  dispatched: '#1864ab',
  in_progress: '#6741d9',
  rectified: '#087f5b',
  closed: '#495057',
  rejected: '#868e96',
  merged: '#8c6d62',
};

export function stateColor(state: string): string {
  return STATE_COLORS[state as CaseState] ?? '#495057';
}

/** Line glyphs in a 24×24 box, stroked in white over the state colour; keyed by the category's `icon`. */
export const CATEGORY_GLYPHS: Record<string, string> = {
  debris: 'M3 16c2-2 4-2 6 0s4 2 6 0 4-2 6 0M9 5h6v6H9z',
  garbage: 'M5 7h14M10 7V4h4v3M7 7l1 13h8l1-13',
  outfall: 'M3 7h10v6H3zM13 10h4M18 14v2M18 19v1',
  odour: 'M8 21c-2-3 2-5 0-8s2-5 0-8M16 21c-2-3 2-5 0-8s2-5 0-8',
  building: 'M4 20V9l8-5 8 5v11zM10 20v-5h4v5',
  fishing: 'M13 3v11a4 4 0 1 1-4-4M13 3h3',
  bank: 'M3 19h18M3 19l6-10 4 4 3-3 5 9',
  sign: 'M12 21V12M5 4h14v8H5z',
  'fire-lane': 'M3 16V8h10v8M13 11h5l3 3v2H3M7 19h.01M17 19h.01',
  ebike: 'M13 2 5 13h6l-1 9 8-11h-6z',
  clutter: 'M4 13h7v7H4zM13 15h7v5h-7zM7 4h8v9H7z',
  exit: 'M5 3h8v18H5zM13 12h8M18 9l3 3-3 3',
  extinguisher: 'M9 9h6v12H9zM12 9V5M12 5h5M9 5l3-2',
  wiring: 'M3 12h4l2-5 3 10 3-10 2 5h4',
  panel: 'M3 6h18v12H3zM3 12h18M9 6v12M15 6v12',
  'three-in-one': 'M4 20V10h5v10M10 20V5h5v15M16 20v-8h4v8',
  other: 'M12 5v9M12 18v1',
};

export function categoryGlyph(icon: string | undefined): string {
  return CATEGORY_GLYPHS[icon ?? ''] ?? CATEGORY_GLYPHS.other!;
}

export type RingSegment = { state: CaseState; count: number; /** Where the arc starts and how long it is, as fractions of the ring. */ start: number; length: number };

/**
 * The arcs of a cluster's ring, one per state present, in workflow order.
 * @example ringSegments({ submitted: 3, closed: 1 }) // submitted 0–0.75, closed 0.75–1
 */
export function ringSegments(byStatus: Partial<Record<string, number>>): RingSegment[] {
  const total = CASE_STATES.reduce((sum, s) => sum + Math.max(0, byStatus[s] ?? 0), 0);
  if (total === 0) return [];
  const segments: RingSegment[] = [];
  let start = 0;
  for (const state of CASE_STATES) {
    const count = Math.max(0, byStatus[state] ?? 0);
    if (!count) continue;
    segments.push({ state, count, start, length: count / total });
    start += count / total;
  }
  return segments;
}

/** Cluster markers grow with the log of their count, so 10 and 10 000 both fit on screen. */
export function clusterSize(count: number): number {
  return Math.round(Math.min(64, 34 + 7 * Math.log10(Math.max(1, count))));
}
