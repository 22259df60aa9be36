// Tiny DOM helpers: elements are built with textContent, never innerHTML, so names from the database are never parsed as HTML.

export type ElementProps = {
  class?: string;
  text?: string;
  attrs?: Record<string, string>;
};

/**
 * Creates an element with a class, text, attributes and children.
 * @example h('button', { class: 'xc-button', attrs: { type: 'submit' } }, ['登录'])
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: ElementProps = {},
  children: readonly (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.text !== undefined) el.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) el.setAttribute(name, value);
  el.append(...children);
  return el;
}

/** A unique id for label/input pairs, so two views never share one. */
let nextId = 0;
export function uniqueId(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}
