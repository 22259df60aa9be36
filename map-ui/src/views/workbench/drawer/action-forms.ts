// What each action asks for, built from the fields in action-fields.ts: reasons, modes, unit and deadline, photos, a target case.
import { ApiError, type Api } from '../../../api';
import type { CaseActionFields, CaseActionName, CaseDetail } from '../../../api-types';
import { h, uniqueId } from '../../../dom';
import { t } from '../../../i18n/i18n';
import { dateTimeField, markInvalid, photoField, radioField, selectField, textField, type Field, type Read } from './action-fields';
import { fromLocalInput, toLocalInput } from './case-time';
import { labelOf, stateLabel } from './labels';

/** What a filled-in form sends: JSON fields, plus photos when there are any (then it goes as multipart). */
export type ActionPayload = { fields: CaseActionFields; photos: File[] };

export type ActionForm = { fields: HTMLElement[]; read(): Read<ActionPayload>; focus(): void };

type FormContext = { api: Api; case: CaseDetail };

const MODES = ['on_the_spot', 'consultation', 'joint'] as const;
const SEVERITIES = ['general', 'serious', 'major'] as const;

/** Reads every field in order; the first missing one is focused and named. */
function readAll(fields: readonly Field<unknown>[]): Read<unknown[]> {
  const values: unknown[] = [];
  for (const f of fields) {
    const r = f.read();
    if ('missing' in r) {
      f.focus();
      return r;
    }
    values.push(r.value);
  }
  return { value: values };
}

/** A form of one optional note (start, and anything else that needs nothing more). */
function noteOnly(): ActionForm {
  const note = textField('drawer.form.note', 'note', null);
  return {
    fields: [note.element],
    focus: note.focus,
    read: () => {
      const r = note.read();
      return 'missing' in r ? r : { value: { fields: r.value ? { note: r.value } : {}, photos: [] } };
    },
  };
}

function reasonForm(withPhotos: boolean): ActionForm {
  const reason = textField('drawer.form.reason', 'reason', 'drawer.error.required.reason');
  const photos = withPhotos ? photoField('drawer.form.recheckPhotos', null) : null;
  return {
    fields: [reason.element, ...(photos ? [photos.element] : [])],
    focus: reason.focus,
    read: () => {
      const r = readAll(photos ? [reason, photos] : [reason]);
      if ('missing' in r) return r;
      return { value: { fields: { reason: r.value[0] as string }, photos: (r.value[1] as File[] | undefined) ?? [] } };
    },
  };
}

function acceptForm(c: CaseDetail): ActionForm {
  const mode = radioField('drawer.form.mode', 'handling_mode', MODES.map((m) => ({ value: m, label: t(`drawer.mode.${m}`) })), 'drawer.error.required.mode');
  const severity = selectField(
    'drawer.form.severity',
    'severity',
    [{ value: '', label: `${t('drawer.form.keepSeverity')}（${labelOf('drawer.severity', c.severity) ?? c.severity}）` }, ...SEVERITIES.map((s) => ({ value: s, label: t(`drawer.severity.${s}`) }))],
    '',
    null,
  );
  const note = textField('drawer.form.note', 'note', null);
  return {
    fields: [mode.element, severity.element, note.element],
    focus: mode.focus,
    read: () => {
      const r = readAll([mode, severity, note]);
      if ('missing' in r) return r;
      const [m, s, n] = r.value as [CaseActionFields['handling_mode'], CaseActionFields['severity'], string | undefined];
      return { value: { fields: { handling_mode: m, ...(s ? { severity: s } : {}), ...(n ? { note: n } : {}) }, photos: [] } };
    },
  };
}

/** Unit picker (from GET /api/units, the case's unit preselected) and the deadline, prefilled with the expected one. */
function dispatchForm({ api, case: c }: FormContext): ActionForm {
  const unit = selectField('drawer.form.unit', 'unit_id', [{ value: '', label: t('drawer.form.chooseUnit') }], '', 'drawer.error.required.unit');
  const status = h('p', { class: 'xc-field-hint', attrs: { 'aria-live': 'polite' } });
  unit.select.setAttribute('aria-busy', 'true');
  api
    .unitOptions(c.id)
    .then(({ units, default_unit_id }) => {
      unit.select.append(...units.map((u) => h('option', { text: u.name, attrs: { value: String(u.id) } })));
      // The case's own unit (a re-dispatch) first, else the one the area rules propose.
      const preferred = c.unit?.id ?? default_unit_id;
      if (preferred !== null && units.some((u) => u.id === preferred)) unit.select.value = String(preferred);
    })
    .catch((err: unknown) => {
      status.textContent = t('drawer.form.unitsFailed', { message: err instanceof Error ? err.message : String(err) });
    })
    .finally(() => unit.select.removeAttribute('aria-busy'));
  unit.element.append(status);
  const due = dateTimeField('drawer.form.due', 'due_at', c.expected_due_at ? toLocalInput(c.expected_due_at) : '', 'drawer.form.dueHint', 'drawer.error.required.due');
  const note = textField('drawer.form.note', 'note', null);
  return {
    fields: [unit.element, due.element, note.element],
    focus: unit.focus,
    read: () => {
      const r = readAll([unit, due, note]);
      if ('missing' in r) return r;
      const [u, d, n] = r.value as [string, string, string | undefined];
      const dueAt = fromLocalInput(d);
      if (!dueAt) return { missing: 'drawer.error.required.due' };
      return { value: { fields: { unit_id: Number(u), due_at: dueAt, ...(n ? { note: n } : {}) }, photos: [] } };
    },
  };
}

function photoForm(label: 'drawer.form.photos' | 'drawer.form.recheckPhotos', required: boolean): ActionForm {
  const photos = photoField(label, required ? 'drawer.error.required.photos' : null);
  const note = textField('drawer.form.note', 'note', null);
  return {
    fields: [photos.element, note.element],
    focus: photos.focus,
    read: () => {
      const r = readAll([photos, note]);
      if ('missing' in r) return r;
      const [p, n] = r.value as [File[], string | undefined];
      return { value: { fields: n ? { note: n } : {}, photos: p } };
    },
  };
}

function superviseForm(): ActionForm {
  const note = textField('drawer.form.superviseNote', 'note', 'drawer.error.required.note');
  return {
    fields: [note.element],
    focus: note.focus,
    read: () => {
      const r = note.read();
      return 'missing' in r ? r : { value: { fields: { note: r.value! }, photos: [] } };
    },
  };
}

/** Search open cases by code or text (GET /api/cases?q=), then pick one as the merge target. */
function mergeForm({ api, case: c }: FormContext): ActionForm {
  const inputId = uniqueId('xc-merge-q');
  const search = h('input', { class: 'xc-input', attrs: { id: inputId, type: 'search', name: 'q', autocomplete: 'off' } });
  const go = h('button', { class: 'xc-button', text: t('drawer.form.mergeSearchButton'), attrs: { type: 'button' } });
  const results = h('fieldset', { class: 'xc-field xc-radios', attrs: { hidden: '' } });
  const runSearch = async () => {
    const q = search.value.trim();
    if (!q) return;
    go.setAttribute('aria-busy', 'true');
    try {
      const page = await api.findCases({ q, status: 'submitted,registered,dispatched,in_progress,rectified', limit: '8' });
      const others = page.cases.filter((x) => x.id !== c.id);
      results.replaceChildren(h('legend', { text: t('drawer.form.mergeResults') }));
      if (others.length === 0) results.append(h('p', { class: 'xc-muted', text: t('drawer.form.mergeNone') }));
      for (const x of others) {
        const radio = h('input', { attrs: { type: 'radio', name: 'target_case_id', value: String(x.id) } });
        results.append(h('label', { class: 'xc-radio' }, [radio, `${x.code} · ${stateLabel(x.status)} · ${x.description.slice(0, 40)}`]));
      }
    } catch (err) {
      results.replaceChildren(h('p', { class: 'xc-form-error', text: err instanceof ApiError ? err.message : String(err) }));
    } finally {
      results.hidden = false;
      go.removeAttribute('aria-busy');
    }
  };
  go.addEventListener('click', () => void runSearch());
  search.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void runSearch();
    }
  });
  const note = textField('drawer.form.note', 'note', null);
  const searchField = h('div', { class: 'xc-field' }, [
    h('label', { text: t('drawer.form.mergeSearch'), attrs: { for: inputId } }),
    h('div', { class: 'xc-search-row' }, [search, go]),
  ]);
  return {
    fields: [searchField, results, note.element],
    focus: () => search.focus(),
    read: () => {
      const chosen = results.querySelector<HTMLInputElement>('input:checked');
      if (!chosen) {
        markInvalid(search);
        search.focus();
        return { missing: 'drawer.error.required.target' };
      }
      const n = note.read();
      const noteValue = 'value' in n ? n.value : undefined;
      return { value: { fields: { target_case_id: Number(chosen.value), ...(noteValue ? { note: noteValue } : {}) }, photos: [] } };
    },
  };
}

/** relocate: the corrected point as "lat, lon" (the map issue will let a dispatcher place it by hand). */
function locationForm(): ActionForm {
  const where = textField('drawer.form.location', 'location', 'drawer.error.required.location');
  return {
    fields: [where.element],
    focus: where.focus,
    read: () => {
      const r = where.read();
      if ('missing' in r) return r;
      const [lat, lon] = (r.value ?? '').split(/[,，\s]+/).map(Number);
      if (!Number.isFinite(lat) || !Number.isFinite(lon)) return { missing: 'drawer.error.required.location' };
      return { value: { fields: { lat: lat!, lon: lon! }, photos: [] } };
    },
  };
}

/** The form for `action` on this case. */
export function actionForm(action: CaseActionName, ctx: FormContext): ActionForm {
  switch (action) {
    case 'accept':
      return acceptForm(ctx.case);
    case 'dispatch':
      return dispatchForm(ctx);
    case 'rectify':
      return photoForm('drawer.form.photos', true);
    case 'recheck_pass':
      return photoForm('drawer.form.recheckPhotos', false);
    case 'recheck_fail':
      return reasonForm(true);
    case 'reject':
    case 'return':
    case 'reopen':
      return reasonForm(false);
    case 'supervise':
      return superviseForm();
    case 'merge':
      return mergeForm(ctx);
    case 'start':
      return noteOnly();
    case 'relocate':
      return locationForm();
  }
}
