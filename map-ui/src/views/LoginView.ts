// The login page: user name and password, clear errors in the chosen language, a busy state while submitting.
import { ApiError, type Api } from '../api';
import type { Me } from '../api-types';
import { h, uniqueId } from '../dom';
import { onLanguageChange, t, type MessageKey } from '../i18n/i18n';
import { LanguageSwitch } from './LanguageSwitch';

export type LoginViewOptions = {
  api: Pick<Api, 'login'>;
  onLoggedIn: (me: Me) => void;
  /** Shown at once, e.g. after the session expired. */
  notice?: MessageKey;
};

type Message = { key: MessageKey; tone: 'info' | 'error'; params?: Record<string, number | string> };

/** Used when a 429 carries no Retry-After: better a short wait than none. */
const FALLBACK_RETRY_SECONDS = 30;

export class LoginView {
  readonly element: HTMLElement;
  private readonly username: HTMLInputElement;
  private readonly password: HTMLInputElement;
  private readonly submit: HTMLButtonElement;
  private readonly messageBox: HTMLElement;
  private readonly labels: [HTMLElement, MessageKey][] = [];
  private readonly languageSwitch = new LanguageSwitch();
  private readonly stopListening: () => void;
  private message: Message | null;
  private busy = false;
  private retryAt = 0;
  private countdown: number | undefined;

  constructor(private readonly options: LoginViewOptions) {
    this.message = options.notice ? { key: options.notice, tone: 'info' } : null;
    this.username = h('input', {
      class: 'xc-input',
      attrs: { id: uniqueId('xc-username'), name: 'username', autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false' },
    });
    this.password = h('input', {
      class: 'xc-input',
      attrs: { id: uniqueId('xc-password'), name: 'password', type: 'password', autocomplete: 'current-password' },
    });
    // role="alert" on a box that is always there, so screen readers announce each new message.
    this.messageBox = h('p', { class: 'xc-form-message', attrs: { role: 'alert' } });
    this.submit = h('button', { class: 'xc-button xc-button-primary xc-login-submit', attrs: { type: 'submit' } });
    const headingId = uniqueId('xc-login-heading');
    const form = h('form', { class: 'xc-login-card', attrs: { novalidate: '', 'aria-labelledby': headingId } }, [
      h('div', { class: 'xc-brand' }, [
        h('span', { class: 'xc-logo', text: '巡', attrs: { 'aria-hidden': 'true' } }),
        h('div', {}, [this.label(h('p', { class: 'xc-brand-name' }), 'app.title'), this.label(h('p', { class: 'xc-brand-tagline' }), 'app.tagline')]),
      ]),
      this.label(h('h1', { class: 'xc-login-heading', attrs: { id: headingId } }), 'login.heading'),
      this.field(this.username, 'login.username'),
      this.field(this.password, 'login.password'),
      this.messageBox,
      this.submit,
    ]);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.logIn();
    });
    this.element = h('main', { class: 'xc-login' }, [h('div', { class: 'xc-login-bar' }, [this.languageSwitch.element]), form]);
    this.render();
    this.stopListening = onLanguageChange(() => this.render());
  }

  mount(parent: HTMLElement): void {
    parent.replaceChildren(this.element);
    // On a phone, focusing would pop the keyboard over the page before the user asked for it.
    if (window.matchMedia('(pointer: fine)').matches) this.username.focus();
  }

  destroy(): void {
    window.clearInterval(this.countdown);
    this.stopListening();
    this.languageSwitch.destroy();
    this.element.remove();
  }

  private async logIn(): Promise<void> {
    if (this.busy || this.waitSeconds() > 0) return;
    const username = this.username.value.trim();
    const password = this.password.value;
    if (!username || !password) {
      this.setMessage({ key: 'login.missingFields', tone: 'error' });
      (username ? this.password : this.username).focus();
      return;
    }
    this.busy = true;
    this.setMessage(null);
    try {
      const { user } = await this.options.api.login(username, password);
      this.options.onLoggedIn(user);
    } catch (err) {
      this.busy = false;
      this.showError(err);
    }
  }

  private showError(err: unknown): void {
    if (!(err instanceof ApiError)) return this.setMessage({ key: 'error.server', tone: 'error', params: { code: 'client_error' } });
    if (err.isNetworkError) return this.setMessage({ key: 'error.network', tone: 'error' });
    if (err.status === 429) return this.startCooldown(err.retryAfterSeconds ?? FALLBACK_RETRY_SECONDS);
    if (err.status === 400) return this.setMessage({ key: 'login.invalidInput', tone: 'error' });
    if (err.status === 401) {
      this.password.value = '';
      this.password.focus();
      return this.setMessage({ key: 'login.invalidCredentials', tone: 'error' });
    }
    this.setMessage({ key: 'error.server', tone: 'error', params: { code: err.code } });
  }

  /** Counts the server's Retry-After down on screen, with the button off until it is over. */
  private startCooldown(seconds: number): void {
    this.retryAt = Date.now() + seconds * 1000;
    window.clearInterval(this.countdown);
    const tick = () => {
      const left = this.waitSeconds();
      if (left > 0) return this.setMessage({ key: 'login.tooManyAttempts', tone: 'error', params: { seconds: left } });
      window.clearInterval(this.countdown);
      this.setMessage(null);
    };
    tick();
    this.countdown = window.setInterval(tick, 1000);
  }

  private waitSeconds(): number {
    return Math.max(0, Math.ceil((this.retryAt - Date.now()) / 1000));
  }

  private setMessage(message: Message | null): void {
    this.message = message;
    this.render();
  }

  private render(): void {
    for (const [el, key] of this.labels) el.textContent = t(key);
    this.submit.textContent = t(this.busy ? 'login.busy' : 'login.submit');
    this.submit.disabled = this.busy || this.waitSeconds() > 0;
    this.submit.setAttribute('aria-busy', String(this.busy));
    const m = this.message;
    this.messageBox.textContent = m ? t(m.key, m.params) : '';
    this.messageBox.dataset.tone = m?.tone ?? '';
    const bad = m?.key === 'login.invalidCredentials' || m?.key === 'login.missingFields';
    this.username.setAttribute('aria-invalid', String(bad && (m?.key !== 'login.missingFields' || !this.username.value.trim())));
    this.password.setAttribute('aria-invalid', String(bad && (m?.key !== 'login.missingFields' || !this.password.value)));
  }

  private label<E extends HTMLElement>(el: E, key: MessageKey): E {
    this.labels.push([el, key]);
    return el;
  }

  private field(input: HTMLInputElement, key: MessageKey): HTMLElement {
    const label = this.label(h('label', { class: 'xc-label', attrs: { for: input.id } }), key);
    return h('div', { class: 'xc-field' }, [label, input]);
  }
}
