// The legend of case markers: the colour of each state, and what the overdue, due-soon and new badges look like.
import * as L from 'leaflet';
import { CASE_STATES } from '../api-types';
import { h } from '../dom';
import { onLanguageChange, t, type MessageKey } from '../i18n/i18n';
import { STATE_COLORS } from './case-styles';

export class CaseLegend extends L.Control {
  private stopListening: (() => void) | null = null;

  /** `collapsed`: start folded (on a phone the map is too small to give it room). */
  constructor(private readonly settings: L.ControlOptions & { collapsed?: boolean } = {}) {
    super({ position: 'bottomleft', ...settings });
  }

  override onAdd(): HTMLElement {
    const texts: [HTMLElement, MessageKey][] = [];
    const item = (swatch: HTMLElement, key: MessageKey) => {
      const name = h('span');
      texts.push([name, key]);
      return h('li', { class: 'xc-case-legend-item' }, [swatch, name]);
    };
    const title = h('summary', { class: 'xc-legend-title' });
    texts.push([title, 'workbench.legend.title']);
    const states = CASE_STATES.map((s) => {
      const dot = h('span', { class: 'xc-case-legend-dot', attrs: { 'aria-hidden': 'true' } });
      dot.style.backgroundColor = STATE_COLORS[s];
      return item(dot, `workbench.status.${s}`);
    });
    const badge = (cls: string, text = '') => h('span', { class: `xc-marker-badge ${cls} xc-case-legend-badge`, text, attrs: { 'aria-hidden': 'true' } });
    const details = h('details', { class: 'xc-map-panel xc-case-legend leaflet-bar' }, [
      title,
      h('ul', { class: 'xc-case-legend-list' }, [
        ...states,
        item(badge('xc-marker-overdue', '!'), 'workbench.badge.overdue'),
        item(badge('xc-marker-due-soon'), 'workbench.badge.dueSoon'),
        item(h('span', { class: 'xc-marker-new xc-case-legend-badge', text: '新', attrs: { 'aria-hidden': 'true' } }), 'workbench.badge.new'),
      ]),
    ]);
    details.open = !this.settings.collapsed;
    const render = () => {
      for (const [el, key] of texts) el.textContent = t(key);
    };
    render();
    this.stopListening = onLanguageChange(render);
    L.DomEvent.disableClickPropagation(details);
    L.DomEvent.disableScrollPropagation(details);
    return details;
  }

  override onRemove(): void {
    this.stopListening?.();
    this.stopListening = null;
  }
}
