// The DOM of case and cluster markers: a state-coloured disc with the category glyph and badges,
// or a ring split by state with the count. Built with DOM calls, never HTML strings.
import { CASE_STATES } from '../api-types';
import { h } from '../dom';
import { categoryGlyph, clusterSize, ringSegments, stateColor } from './case-styles';

const SVG = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

export type CaseMarkerData = {
  id: number;
  code: string;
  status: string;
  /** The category's icon name from /api/categories. */
  icon: string | undefined;
  overdue: boolean;
  dueSoon: boolean;
  urgent: boolean;
  isNew: boolean;
};

/** A 32 px disc in the state's colour with the category glyph; badges for overdue, due soon and new. */
export function caseMarkerElement(c: CaseMarkerData): HTMLElement {
  const glyph = svg('svg', { viewBox: '0 0 24 24', width: 18, height: 18, 'aria-hidden': 'true', focusable: 'false' });
  glyph.append(svg('path', { d: categoryGlyph(c.icon), fill: 'none', stroke: '#fff', 'stroke-width': 2.2, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' }));
  const disc = h('span', { class: 'xc-case-disc' }, [glyph]);
  disc.style.backgroundColor = stateColor(c.status);
  const badges: HTMLElement[] = [];
  if (c.overdue) badges.push(h('span', { class: 'xc-marker-badge xc-marker-overdue', text: '!' }));
  else if (c.dueSoon) badges.push(h('span', { class: 'xc-marker-badge xc-marker-due-soon' }));
  if (c.isNew) badges.push(h('span', { class: 'xc-marker-new', text: '新' }));
  return h('span', { class: `xc-case-pin${c.urgent ? ' is-urgent' : ''}`, attrs: { 'aria-hidden': 'true' } }, [disc, ...badges]);
}

/** A ring with one arc per state (colours as the markers) around the number of cases. */
export function clusterElement(count: number, byStatus: Partial<Record<string, number>>): { element: HTMLElement; size: number } {
  const size = clusterSize(count);
  const r = 15.9155; // circumference 100, so arc lengths are percentages
  const ring = svg('svg', { viewBox: '0 0 42 42', width: size, height: size, 'aria-hidden': 'true', focusable: 'false' });
  ring.append(svg('circle', { cx: 21, cy: 21, r: 19, fill: 'rgba(255,255,255,0.92)' }));
  const segments = ringSegments(byStatus);
  if (!segments.length) ring.append(svg('circle', { cx: 21, cy: 21, r, fill: 'none', stroke: stateColor(CASE_STATES[0]), 'stroke-width': 5 }));
  for (const s of segments) {
    ring.append(
      svg('circle', {
        cx: 21, cy: 21, r, fill: 'none', stroke: stateColor(s.state), 'stroke-width': 5,
        'stroke-dasharray': `${s.length * 100} ${100 - s.length * 100}`,
        // Arcs start at 12 o'clock and run clockwise.
        'stroke-dashoffset': 25 - s.start * 100,
      }),
    );
  }
  const label = count >= 10_000 ? `${Math.floor(count / 1000)}k` : String(count);
  const element = h('span', { class: 'xc-cluster', attrs: { 'aria-hidden': 'true' } }, [ring, h('span', { class: 'xc-cluster-count', text: label })]);
  element.style.width = element.style.height = `${size}px`;
  return { element, size };
}
