// The 中文 / English switch: two toggle buttons; the choice is remembered by the i18n module.
import { h } from '../dom';
import { getLanguage, LANGUAGE_NAMES, LANGUAGES, onLanguageChange, setLanguage, t } from '../i18n/i18n';

export class LanguageSwitch {
  readonly element: HTMLElement;
  private readonly stopListening: () => void;

  constructor() {
    const buttons = LANGUAGES.map((lang) => {
      // Each name is in its own language, so a reader of either can find theirs.
      const button = h('button', {
        class: 'xc-lang-option',
        text: LANGUAGE_NAMES[lang],
        attrs: { type: 'button', lang, 'data-lang': lang },
      });
      button.addEventListener('click', () => setLanguage(lang));
      return button;
    });
    this.element = h('div', { class: 'xc-lang-switch', attrs: { role: 'group' } }, buttons);
    const render = () => {
      this.element.setAttribute('aria-label', t('lang.label'));
      for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.lang === getLanguage()));
    };
    render();
    this.stopListening = onLanguageChange(render);
  }

  destroy(): void {
    this.stopListening();
    this.element.remove();
  }
}
