// The bar above the map: product name, who is logged in and in which role, the language switch, and log out.
import type { Me } from '../api-types';
import { h } from '../dom';
import { onLanguageChange, t } from '../i18n/i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { DASHBOARD_HASH, canOpenDashboard } from './dashboard/access';

export type AppHeaderOptions = {
  me: Me;
  /** Ends the session; the header shows the button busy until it settles. */
  onLogout: () => Promise<void>;
};

export class AppHeader {
  readonly element: HTMLElement;
  private readonly languageSwitch = new LanguageSwitch();
  private readonly stopListening: () => void;

  constructor(options: AppHeaderOptions) {
    const { me } = options;
    const role = h('span', { class: 'xc-user-role', attrs: { 'data-role': me.role } });
    // The area (or unit) says where the role applies: "受理派遣员 · 西街道".
    const scope = me.area?.name ?? me.unit?.name;
    const user = h('div', { class: 'xc-user' }, [
      h('span', { class: 'xc-user-name', text: me.displayName }),
      h('span', { class: 'xc-user-meta' }, [role, ...(scope ? [h('span', { class: 'xc-user-scope', text: ` · ${scope}` })] : [])]),
    ]);
    const logout = h('button', { class: 'xc-button xc-logout', attrs: { type: 'button' } });
    const logoutStatus = h('span', { class: 'xc-visually-hidden', attrs: { role: 'alert' } });
    let logoutFailed = false;
    logout.addEventListener('click', () => {
      logout.disabled = true;
      logout.setAttribute('aria-busy', 'true');
      logoutFailed = false;
      options
        .onLogout()
        .catch(() => (logoutFailed = true))
        .finally(() => {
          logout.disabled = false;
          logout.removeAttribute('aria-busy');
          render();
        });
    });
    const brand = h('div', { class: 'xc-header-brand' }, [
      h('span', { class: 'xc-logo', text: '巡', attrs: { 'aria-hidden': 'true' } }),
      h('span', { class: 'xc-header-title' }, [h('span', { text: '巡查通' }), h('span', { class: 'xc-header-title-en', text: ' XunCha', attrs: { lang: 'en' } })]),
    ]);
    const dashboard = canOpenDashboard(me.role) ? h('a', { class: 'xc-button xc-header-link', attrs: { href: DASHBOARD_HASH } }) : null;
    // The user sits between brand and tools, so on a phone it can drop to a row of its own.
    this.element = h('header', { class: 'xc-header' }, [
      brand,
      user,
      h('div', { class: 'xc-header-tools' }, [...(dashboard ? [dashboard] : []), this.languageSwitch.element, logout, logoutStatus]),
    ]);

    const render = () => {
      role.textContent = t(`role.${me.role}`);
      if (dashboard) dashboard.textContent = t('dashboard.title');
      user.setAttribute('aria-label', `${t('header.userLabel')}: ${me.displayName}, ${t(`role.${me.role}`)}`);
      logout.textContent = t(logoutFailed ? 'header.logoutFailed' : 'header.logout');
      logoutStatus.textContent = logoutFailed ? t('error.network') : '';
    };
    render();
    this.stopListening = onLanguageChange(render);
  }

  destroy(): void {
    this.stopListening();
    this.languageSwitch.destroy();
    this.element.remove();
  }
}
