// The action area: one button per action the API says the caller may take now (never guessed from the role),
// each opening its form; sends the case version, shows errors in words, and uploads photos with a progress bar.
import { ApiError, type Api } from '../../../api';
import type { CaseActionName, CaseDetail } from '../../../api-types';
import { h, uniqueId } from '../../../dom';
import { t, type MessageKey } from '../../../i18n/i18n';
import { uploadForm } from '../../../upload';
import { actionForm, type ActionPayload } from './action-forms';

export type ActionPanelOptions = {
  api: Api;
  case: CaseDetail;
  /** A line above the buttons: the last action's result, or the conflict message. */
  notice: { kind: 'ok' | 'conflict'; text: string } | null;
  onDone(view: CaseDetail, action: CaseActionName): void;
  /** 409 version_conflict: someone acted first; the drawer reloads the case. */
  onConflict(): void;
};

// The API's codes for what an action lacks, said the way the form says it.
const REQUIRED: Record<string, MessageKey> = {
  reason_required: 'drawer.error.required.reason',
  note_required: 'drawer.error.required.note',
  handling_mode_required: 'drawer.error.required.mode',
  unit_required: 'drawer.error.required.unit',
  photo_required: 'drawer.error.required.photos',
  target_required: 'drawer.error.required.target',
};

/** An API error in words: ours for the common ones, the API's own message otherwise. */
export function errorText(err: unknown): string {
  if (!(err instanceof ApiError)) return t('drawer.error.api', { message: err instanceof Error ? err.message : String(err) });
  if (err.isNetworkError) return t('error.network');
  const known = REQUIRED[err.code];
  if (known) return t(known);
  if (err.status >= 500) return t('error.server', { code: err.code });
  return t('drawer.error.api', { message: err.message });
}

async function send(
  api: Api, c: CaseDetail, action: CaseActionName, payload: ActionPayload, progress: HTMLProgressElement, signal: AbortSignal,
): Promise<CaseDetail> {
  if (payload.photos.length === 0) return api.caseAction(c.id, action, c.version, payload.fields);
  const form = new FormData();
  form.append('action', action);
  form.append('version', String(c.version));
  for (const [name, value] of Object.entries(payload.fields)) if (value !== undefined) form.append(name, String(value));
  for (const photo of payload.photos) form.append('photos', photo);
  progress.hidden = false;
  progress.value = 0;
  return uploadForm<CaseDetail>(`/api/cases/${c.id}/actions`, form, {
    signal,
    onProgress: (p) => {
      if (p.fraction === undefined) progress.removeAttribute('value');
      else progress.value = p.fraction;
    },
  });
}

/** The section with the buttons and, below them, the form of the chosen action. */
export function actionPanel(opts: ActionPanelOptions): HTMLElement {
  const c = opts.case;
  const formSlot = h('div', { class: 'xc-action-form-slot', attrs: { id: uniqueId('xc-action-form') } });
  const section = h('section', { class: 'xc-drawer-section xc-actions', attrs: { 'aria-label': t('drawer.actions.title') } }, [
    h('h3', { text: t('drawer.actions.title') }),
  ]);
  if (opts.notice) {
    const cls = opts.notice.kind === 'conflict' ? 'xc-notice xc-notice-warn' : 'xc-notice xc-notice-ok';
    section.append(h('p', { class: cls, text: opts.notice.text, attrs: { role: opts.notice.kind === 'conflict' ? 'alert' : 'status' } }));
  }
  if (c.available_actions.length === 0) {
    section.append(h('p', { class: 'xc-muted', text: t('drawer.actions.none') }));
    return section;
  }
  const buttons = c.available_actions.map((action) => {
    const b = h('button', {
      class: 'xc-button xc-action-button',
      text: t(`drawer.action.${action}`),
      attrs: { type: 'button', 'data-action': action, 'aria-expanded': 'false', 'aria-controls': formSlot.id },
    });
    b.addEventListener('click', () => toggle(action, b));
    return b;
  });
  section.append(h('div', { class: 'xc-action-buttons' }, buttons), formSlot);

  function toggle(action: CaseActionName, button: HTMLButtonElement): void {
    const wasOpen = button.getAttribute('aria-expanded') === 'true';
    for (const b of buttons) b.setAttribute('aria-expanded', 'false');
    formSlot.replaceChildren();
    if (wasOpen) return;
    button.setAttribute('aria-expanded', 'true');
    formSlot.append(buildForm(action, button));
  }

  function buildForm(action: CaseActionName, opener: HTMLButtonElement): HTMLFormElement {
    const spec = actionForm(action, { api: opts.api, case: c });
    const label = t(`drawer.action.${action}`);
    const error = h('p', { class: 'xc-form-error', attrs: { role: 'alert' } });
    const progress = h('progress', { class: 'xc-progress', attrs: { max: '1', value: '0', 'aria-label': t('drawer.form.progress') } });
    progress.hidden = true;
    const submit = h('button', { class: 'xc-button xc-button-primary', text: t('drawer.form.submit', { action: label }), attrs: { type: 'submit' } });
    const cancel = h('button', { class: 'xc-button', text: t('drawer.form.cancel'), attrs: { type: 'button' } });
    const form = h('form', { class: 'xc-action-form', attrs: { 'data-action': action, 'aria-label': label, novalidate: '' } }, [
      ...spec.fields,
      progress,
      error,
      h('div', { class: 'xc-form-buttons' }, [submit, cancel]),
    ]);
    // Cancel also stops an upload under way; nothing is written unless the whole request arrives.
    const sending = new AbortController();
    cancel.addEventListener('click', () => {
      sending.abort();
      toggle(action, opener);
      opener.focus();
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void onSubmit();
    });
    async function onSubmit(): Promise<void> {
      error.textContent = '';
      const read = spec.read();
      if ('missing' in read) {
        error.textContent = t(read.missing);
        return;
      }
      submit.disabled = true;
      submit.setAttribute('aria-busy', 'true');
      submit.textContent = t('drawer.form.busy');
      try {
        opts.onDone(await send(opts.api, c, action, read.value, progress, sending.signal), action);
      } catch (err) {
        if (sending.signal.aborted) return;
        if (err instanceof ApiError && err.code === 'version_conflict') {
          opts.onConflict();
          return;
        }
        error.textContent = errorText(err);
        progress.hidden = true;
        submit.disabled = false;
        submit.removeAttribute('aria-busy');
        submit.textContent = t('drawer.form.submit', { action: label });
      }
    }
    queueMicrotask(() => spec.focus());
    return form;
  }

  return section;
}
