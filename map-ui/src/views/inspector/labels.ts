// Text that follows the language switch without rebuilding a screen (and losing what the user typed):
// each label is a Text node or attribute remembered here and rewritten on a change.
import { onLanguageChange, t, type MessageKey } from '../../i18n/i18n';

type Params = Record<string, string | number>;

export class Labels {
  private readonly updates: (() => void)[] = [];
  private readonly stop = onLanguageChange(() => this.refresh());

  /** A Text node showing `key`; `params` may be a function, read again on each change. */
  text(key: MessageKey, params: Params | (() => Params) = {}): Text {
    const node = document.createTextNode('');
    this.track(() => (node.data = t(key, typeof params === 'function' ? params() : params)));
    return node;
  }

  attr(el: Element, name: string, key: MessageKey, params: Params = {}): void {
    this.track(() => el.setAttribute(name, t(key, params)));
  }

  /** Runs `update` now and after every language change. */
  track(update: () => void): void {
    update();
    this.updates.push(update);
  }

  refresh(): void {
    for (const update of this.updates) update();
  }

  destroy(): void {
    this.stop();
    this.updates.length = 0;
  }
}
