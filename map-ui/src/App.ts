// The whole UI: reads the config and the session, then shows the login page or the map, and moves between them.
import { ApiError, type Api } from './api';
import type { Me, UiConfig } from './api-types';
import type { MessageKey } from './i18n/i18n';
import { LoginView } from './views/LoginView';
import { homeView, type View } from './views/home';

export class App {
  private view: View | null = null;
  private config: UiConfig | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly api: Api,
  ) {}

  /** Asks for the config and the current user at once, so a returning user goes straight to the map. */
  async start(): Promise<void> {
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
    this.show(new LoginView({ api: this.api, onLoggedIn: (me) => this.showMap(me), ...(notice ? { notice } : {}) }));
  }

  private showMap(me: Me): void {
    this.show(
      homeView({
        api: this.api,
        me,
        config: this.config,
        onLogout: () => this.logout(),
        onSessionExpired: () => this.showLogin('login.sessionExpired'),
      }),
    );
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
