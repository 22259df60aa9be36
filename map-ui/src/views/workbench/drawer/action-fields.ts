// The labelled inputs action forms are made of: each returns its element and how to read its value.
import { h, uniqueId } from '../../../dom';
import { t, type MessageKey } from '../../../i18n/i18n';

/** A field's current value, or the message key that says what is missing. */
export type Read<T> = { value: T } | { missing: MessageKey };

export type Field<T> = { element: HTMLElement; read(): Read<T>; focus(): void };

/** A <label> above its control, tied by id. */
function labelled(labelText: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = uniqueId('xc-field');
  control.id = id;
  const children: HTMLElement[] = [h('label', { text: labelText, attrs: { for: id } }), control];
  if (hint) {
    const hintId = `${id}-hint`;
    control.setAttribute('aria-describedby', hintId);
    children.push(h('p', { class: 'xc-field-hint', text: hint, attrs: { id: hintId } }));
  }
  return h('div', { class: 'xc-field' }, children);
}

/** Marks a control invalid until it is changed again. */
export function markInvalid(control: HTMLElement): void {
  control.setAttribute('aria-invalid', 'true');
  const clear = () => control.removeAttribute('aria-invalid');
  control.addEventListener('input', clear, { once: true });
  control.addEventListener('change', clear, { once: true });
}

/** A multi-line text; when `required`, an empty one reads as `missing`. */
export function textField(label: MessageKey, name: string, required: MessageKey | null): Field<string | undefined> {
  const area = h('textarea', { class: 'xc-input xc-textarea', attrs: { name, rows: '3', maxlength: '2000' } });
  if (required) area.required = true;
  return {
    element: labelled(t(label), area),
    read: () => {
      const v = area.value.trim();
      if (!v && required) {
        markInvalid(area);
        return { missing: required };
      }
      return { value: v || undefined };
    },
    focus: () => area.focus(),
  };
}

/** A group of radio buttons with a legend; reads the chosen value. */
export function radioField(legend: MessageKey, name: string, options: readonly { value: string; label: string }[], required: MessageKey): Field<string> {
  const radios = options.map((o) => h('input', { attrs: { type: 'radio', name, value: o.value } }));
  const set = h('fieldset', { class: 'xc-field xc-radios' }, [
    h('legend', { text: t(legend) }),
    ...options.map((o, i) => h('label', { class: 'xc-radio' }, [radios[i]!, o.label])),
  ]);
  return {
    element: set,
    read: () => {
      const chosen = radios.find((r) => r.checked);
      if (chosen) return { value: chosen.value };
      markInvalid(set);
      return { missing: required };
    },
    focus: () => radios[0]?.focus(),
  };
}

/** A <select>; the first option may be an empty "choose…" that reads as `missing` when `required`. */
export function selectField(
  label: MessageKey,
  name: string,
  options: readonly { value: string; label: string }[],
  selected: string,
  required: MessageKey | null,
): Field<string | undefined> & { select: HTMLSelectElement } {
  const select = h('select', { class: 'xc-input', attrs: { name } }, options.map((o) => h('option', { text: o.label, attrs: { value: o.value } })));
  select.value = selected;
  return {
    element: labelled(t(label), select),
    select,
    read: () => {
      if (!select.value && required) {
        markInvalid(select);
        return { missing: required };
      }
      return { value: select.value || undefined };
    },
    focus: () => select.focus(),
  };
}

/** A local date and time (datetime-local), prefilled; reads the raw value for the caller to convert. */
export function dateTimeField(label: MessageKey, name: string, value: string, hint: MessageKey, required: MessageKey): Field<string> {
  const input = h('input', { class: 'xc-input', attrs: { type: 'datetime-local', name, value } });
  return {
    element: labelled(t(label), input, t(hint)),
    read: () => {
      if (input.value) return { value: input.value };
      markInvalid(input);
      return { missing: required };
    },
    focus: () => input.focus(),
  };
}

/** A photo picker (several at once); `required` needs at least one. */
export function photoField(label: MessageKey, required: MessageKey | null): Field<File[]> {
  const input = h('input', { class: 'xc-input xc-file', attrs: { type: 'file', name: 'photos', accept: 'image/*', multiple: '' } });
  const chosen = h('p', { class: 'xc-field-hint', attrs: { 'aria-live': 'polite' } });
  input.addEventListener('change', () => {
    chosen.textContent = input.files?.length ? t('drawer.form.photosChosen', { count: input.files.length }) : '';
  });
  const element = labelled(t(label), input);
  element.append(chosen);
  return {
    element,
    read: () => {
      const files = [...(input.files ?? [])];
      if (files.length === 0 && required) {
        markInvalid(input);
        return { missing: required };
      }
      return { value: files };
    },
    focus: () => input.focus(),
  };
}
