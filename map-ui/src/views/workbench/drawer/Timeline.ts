// The case's timeline, rebuilt from its events: who, in which role, when, from → to, the note and the photos.
import type { CaseEvent } from '../../../api-types';
import { h } from '../../../dom';
import { t } from '../../../i18n/i18n';
import { formatDateTime } from './case-time';
import { labelOf } from './labels';
import { stageLabel, thumbnails } from './PhotoGallery';

function actionLabel(action: string): string {
  return labelOf('drawer.action', action) ?? labelOf('drawer.event', action) ?? action;
}

function actorLabel(e: CaseEvent): string {
  if (!e.actor) return t('drawer.timeline.system');
  const role = labelOf('role', e.actor.role) ?? e.actor.role;
  return t('drawer.timeline.actor', { name: e.actor.display_name, role });
}

function transition(e: CaseEvent): string {
  const to = labelOf('drawer.state', e.to) ?? e.to;
  if (!e.from || e.from === e.to) return to;
  return `${labelOf('drawer.state', e.from) ?? e.from} → ${to}`;
}

/** What the event's payload adds in words: the handling mode, the deadline. */
function details(e: CaseEvent): string[] {
  const out: string[] = [];
  const mode = e.payload['handling_mode'];
  if (typeof mode === 'string') out.push(labelOf('drawer.mode', mode) ?? mode);
  const due = e.payload['due_at'];
  if (typeof due === 'string') out.push(t('drawer.timeline.deadline', { time: formatDateTime(due) }));
  return out;
}

function eventItem(e: CaseEvent, code: string): HTMLLIElement {
  const time = h('time', { class: 'xc-timeline-time', text: formatDateTime(e.at), attrs: { datetime: e.at } });
  const li = h('li', { class: 'xc-timeline-item', attrs: { 'data-action': e.action } }, [
    h('div', { class: 'xc-timeline-head' }, [h('strong', { class: 'xc-timeline-action', text: actionLabel(e.action) }), time]),
    h('p', { class: 'xc-timeline-meta', text: `${actorLabel(e)} · ${transition(e)}` }),
  ]);
  const extra = details(e);
  if (extra.length) li.append(h('p', { class: 'xc-timeline-meta', text: extra.join(' · ') }));
  if (e.note) li.append(h('p', { class: 'xc-timeline-note', text: e.note }));
  if (e.photos.length) {
    li.append(
      thumbnails(
        e.photos.map((p, i) => {
          const stage = stageLabel(p.stage);
          return { thumb: p.urls.thumb, photo: { display: p.urls.display, stage, alt: `${code} ${stage} ${i + 1}` } };
        }),
        'xc-thumbs xc-thumbs-small',
      ),
    );
  }
  return li;
}

/** The timeline section, oldest event first (the order a story is told in). */
export function timeline(events: readonly CaseEvent[], code: string): HTMLElement {
  const title = t('drawer.timeline.title');
  return h('section', { class: 'xc-drawer-section', attrs: { 'aria-label': title } }, [
    h('h3', { text: title }),
    events.length
      ? h('ol', { class: 'xc-timeline' }, events.map((e) => eventItem(e, code)))
      : h('p', { class: 'xc-muted', text: t('drawer.timeline.empty') }),
  ]);
}
