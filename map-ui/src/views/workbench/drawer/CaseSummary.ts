// The top of the drawer: state, category, severity, badges, the deadline with time left, where, who, and the flags.
import type { CaseDetail } from '../../../api-types';
import { h } from '../../../dom';
import { getLanguage, t } from '../../../i18n/i18n';
import { formatDateTime, timeLeft } from './case-time';
import { labelOf, stateChip } from './labels';

/** The case's state chip and badges: what a dispatcher scans for first. */
function chips(c: CaseDetail): HTMLElement {
  const category = getLanguage() === 'en' ? c.category.name_en : c.category.name_zh;
  const badges: HTMLElement[] = [];
  if (c.overdue) badges.push(h('span', { class: 'xc-badge xc-badge-overdue', text: t('drawer.badge.overdue') }));
  if (c.due_soon) badges.push(h('span', { class: 'xc-badge xc-badge-due-soon', text: t('drawer.badge.dueSoon') }));
  if (c.urgent) badges.push(h('span', { class: 'xc-badge xc-badge-urgent', text: t('drawer.badge.urgent', { count: c.supervision_count }) }));
  if (c.rework_count > 0) badges.push(h('span', { class: 'xc-badge', text: t('drawer.badge.rework', { count: c.rework_count }) }));
  return h('div', { class: 'xc-chips' }, [
    stateChip(c.status),
    h('span', { class: 'xc-chip', text: category }),
    h('span', { class: `xc-chip xc-severity-${c.severity}`, text: labelOf('drawer.severity', c.severity) ?? c.severity }),
    ...badges,
  ]);
}

/** The deadline line: time left while the unit works on it, the preview before dispatch. */
function deadline(c: CaseDetail, now: Date): HTMLElement | null {
  const working = c.status === 'dispatched' || c.status === 'in_progress';
  if (c.due_at) {
    const parts = [`${t('drawer.deadline.label')} ${formatDateTime(c.due_at)}`];
    if (working) {
      const { over, ...left } = timeLeft(new Date(c.due_at), now);
      const time =
        left.days > 0 ? t('drawer.time.days', left) : left.hours > 0 ? t('drawer.time.hours', left) : t('drawer.time.minutes', left);
      parts.push(t(over ? 'drawer.deadline.over' : 'drawer.deadline.left', { time }));
    }
    const cls = c.overdue ? 'xc-deadline xc-deadline-over' : c.due_soon ? 'xc-deadline xc-deadline-soon' : 'xc-deadline';
    return h('p', { class: cls, text: parts.join(' · ') });
  }
  if (c.expected_due_at && (c.status === 'submitted' || c.status === 'registered')) {
    return h('p', { class: 'xc-deadline', text: `${t('drawer.deadline.preview')} ${formatDateTime(c.expected_due_at)}` });
  }
  return null;
}

function row(label: string, value: string): HTMLElement[] {
  return [h('dt', { text: label }), h('dd', { text: value })];
}

/** Where the case is, who has it, who reported it, and the flags explained in words. */
export function caseSummary(c: CaseDetail, now: Date): HTMLElement[] {
  const area = c.unassigned ? t('drawer.field.unassigned') : [...c.area_path].reverse().map((a) => a.name).join(' › ');
  const facts = [
    ...row(t('drawer.field.area'), area),
    ...row(t('drawer.field.unit'), c.unit?.name ?? t('drawer.field.noUnit')),
    ...row(t('drawer.field.reporter'), c.reporter?.display_name ?? '—'),
    ...row(t('drawer.field.reportedAt'), formatDateTime(c.created_at)),
  ];
  if (c.handling_mode) facts.push(...row(t('drawer.field.mode'), labelOf('drawer.mode', c.handling_mode) ?? c.handling_mode));
  const out: HTMLElement[] = [chips(c)];
  const due = deadline(c, now);
  if (due) out.push(due);
  out.push(
    h('dl', { class: 'xc-facts' }, facts),
    h('div', { class: 'xc-description' }, [
      h('h3', { class: 'xc-visually-hidden', text: t('drawer.field.description') }),
      h('p', { text: c.description || t('drawer.field.noDescription') }),
    ]),
  );
  if (c.flags.length) {
    out.push(
      h('div', { class: 'xc-flags', attrs: { role: 'note', 'aria-label': t('drawer.flags.title') } }, [
        h('strong', { text: t('drawer.flags.title') }),
        h('ul', {}, c.flags.map((f) => h('li', { text: labelOf('drawer.flag', f) ?? f, attrs: { 'data-flag': f } }))),
      ]),
    );
  }
  if (c.merged_into_id) out.push(h('p', { class: 'xc-muted', text: t('drawer.field.mergedInto') }));
  return out;
}
