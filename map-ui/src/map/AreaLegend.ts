// The legend of area level colours, with a checkbox per level that shows or hides it on the map.
import * as L from 'leaflet';
import { AREA_LEVELS, type AreaLevel } from '../api-types';
import { h } from '../dom';
import { onLanguageChange, t } from '../i18n/i18n';
import type { AreaLayer } from './AreaLayer';
import { LEVEL_STYLES } from './area-styles';

/** `#rrggbb` plus an opacity, as a CSS rgba() colour. */
function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

export type AreaLegendOptions = L.ControlOptions & {
  /** Start folded (on a phone the legend would cover much of the map). */
  collapsed?: boolean;
};

export class AreaLegend extends L.Control {
  private readonly collapsed: boolean;
  private stopListening: (() => void) | null = null;

  constructor(
    private readonly areas: AreaLayer,
    options: AreaLegendOptions = {},
  ) {
    super({ position: 'bottomright', ...options });
    this.collapsed = options.collapsed ?? false;
  }

  override onAdd(): HTMLElement {
    // <details> folds and unfolds with the keyboard and screen readers, with no script of ours.
    const details = h('details', { class: 'xc-legend leaflet-bar' });
    details.open = !this.collapsed;
    const title = h('summary', { class: 'xc-legend-title' });
    const list = h('ul', { class: 'xc-legend-list' });
    const names = new Map<AreaLevel, HTMLElement>();
    for (const level of AREA_LEVELS) {
      const style = LEVEL_STYLES[level];
      const box = h('input', { attrs: { type: 'checkbox', 'data-level': level } });
      box.checked = this.areas.isLevelVisible(level);
      box.addEventListener('change', () => this.areas.setLevelVisible(level, box.checked));
      const swatch = h('span', { class: 'xc-legend-swatch', attrs: { 'aria-hidden': 'true' } });
      // The swatch mimics the outline (width capped to fit, with its opacity) over a light fill.
      swatch.style.borderColor = withAlpha(style.color, style.opacity);
      swatch.style.borderWidth = `${Math.min(4, Math.max(1, Math.round(style.weight)))}px`;
      swatch.style.borderStyle = style.dashArray ? 'dashed' : 'solid';
      swatch.style.backgroundColor = withAlpha(style.color, 0.2);
      const name = h('span', { class: 'xc-legend-name' });
      names.set(level, name);
      list.append(h('li', {}, [h('label', { class: 'xc-legend-item' }, [box, swatch, name])]));
    }
    details.append(title, list);

    const render = () => {
      title.textContent = t('legend.title');
      for (const [level, el] of names) el.textContent = t(`level.${level}`);
    };
    render();
    this.stopListening = onLanguageChange(render);
    // Clicks and wheel turns on the legend are for the legend, not for panning the map.
    L.DomEvent.disableClickPropagation(details);
    L.DomEvent.disableScrollPropagation(details);
    return details;
  }

  override onRemove(): void {
    this.stopListening?.();
    this.stopListening = null;
  }
}
