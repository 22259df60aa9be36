// Words for the API's codes (states, actions, modes, roles), falling back to the code for anything new.
import { h } from '../../../dom';
import { t, type MessageKey } from '../../../i18n/i18n';
import { stateColor } from '../../../map/case-styles';
import { zhCN } from '../../../i18n/zh-CN';

/**
 * The label under `prefix.value`, or undefined when the dictionaries have none.
 * @example labelOf('drawer.state', 'dispatched') // '已派遣'
 */
export function labelOf(prefix: string, value: string): string | undefined {
  const key = `${prefix}.${value}`;
  return key in zhCN ? t(key as MessageKey) : undefined;
}

/** The state's label for a chip: 已派遣. */
export function stateLabel(state: string): string {
  return labelOf('drawer.state', state) ?? state;
}

/** The state as a chip in the map's colour for it (the list and the legend use the same). */
export function stateChip(state: string): HTMLElement {
  return h('span', { class: 'xc-chip xc-state', text: stateLabel(state), attrs: { 'data-state': state, style: `--xc-state: ${stateColor(state)}` } });
}
