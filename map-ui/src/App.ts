// The whole UI: reads the config and the session, then shows the login page or the map, and moves between them.
import { ApiError, type Api } from './api';
import type { Me, UiConfig } from './api-types';
import type { MessageKey } from './i18n/i18n';
import { LoginView } from './views/LoginView';
import { isDashboardHash } from './views/dashboard/access';
import { viewForAddress, type View } from './views/home';

export class App {
  private view: View | null = null;
  private config: UiConfig | null = null;
  /** The signed-in user, and whether the page on show is the dashboard, for moving on a change of address. */
  private me: Me | null = null;
  private onDashboard = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly api: Api,
  ) {}

  /** Asks for the config and the current user at once, so a returning user goes straight to the map. */
  async start(): Promise<void> {
    window.addEventListener('hashchange', () => {
      if (this.me && isDashboardHash(location.hash) !== this.onDashboard) this.showMap(this.me);
    });
    const [config, me] = await Promise.all([this.api.config().catch(() => null), this.currentUser()]);
    this.config = config;
    if (me) this.showMap(me);
    else this.showLogin();
  }

  private async currentUser(): Promise<Me | null> {
    try {
      return await this.api.me();
    } catch (err) {
      // 401 is the normal "not logged in"; anything else also lands on the login page, which reports its own errors.
      if (!(err instanceof ApiError)) throw err;
      return null;
    }
  }

  private showLogin(notice?: MessageKey): void {
    this.me = null;
    this.show(new LoginView({ api: this.api, onLoggedIn: (me) => this.showMap(me), ...(notice ? { notice } : {}) }));
  }

  private showMap(me: Me): void {
    this.me = me;
    this.show(
      viewForAddress({
        api: this.api,
        me,
        config: this.config,
        onLogout: () => this.logout(),
        onSessionExpired: () => this.showLogin('login.sessionExpired'),
      }),
    );
    // An address refused for this role was dropped meanwhile, so this reads what is really on show.
    this.onDashboard = isDashboardHash(location.hash);
  }

  private async logout(): Promise<void> {
    try {
      await this.api.logout();
    } catch (err) {
      // Unreachable server: the session cookie is still valid, so staying signed in visibly is
      // more honest than a login page that a reload would skip. The header reports the failure.
      if (!(err instanceof ApiError) || err.isNetworkError) throw err;
    }
    this.showLogin();
  }

  private show(view: View): void {
    this.view?.destroy();
    this.view = view;
    view.mount(this.root);
  }
}
