// Side panels by role: a handler's open tasks (我的任务), a supervisor's counts by state (read-only).
import type { Api } from '../../api';
import type { CaseListItem, Me } from '../../api-types';
import { h } from '../../dom';
import { onLanguageChange, t } from '../../i18n/i18n';
import { formatDateTime } from './drawer/case-time';
import { errorText } from './drawer/ActionPanel';
import { stateChip, stateLabel } from './drawer/labels';

export type RolePanelContext = { api: Api; me: Me; onOpenCase(id: number): void };
export type RolePanel = { element: HTMLElement; refresh(): void; destroy(): void };

/** The unit's work: dispatched, in progress, and sent back for rework (dispatched again). */
const TASK_STATES = 'dispatched,in_progress';
/** The states a supervisor sees counted, in the order of the loop. */
const COUNTED_STATES = ['submitted', 'registered', 'dispatched', 'in_progress', 'rectified', 'closed', 'rejected'] as const;

/** A panel that reloads its content on refresh() and on a language change, dropping stale answers. */
function panel(className: string, titleKey: 'drawer.panel.tasks.title' | 'drawer.panel.stats.title', load: (signal: AbortSignal) => Promise<HTMLElement[]>): RolePanel {
  const title = h('h2', { class: 'xc-role-panel-title' });
  const refreshButton = h('button', { class: 'xc-button xc-role-panel-refresh', attrs: { type: 'button' } });
  const body = h('div', { class: 'xc-role-panel-body', attrs: { 'aria-live': 'polite' } });
  const element = h('section', { class: `xc-role-panel ${className}` }, [h('div', { class: 'xc-role-panel-head' }, [title, refreshButton]), body]);
  let current: AbortController | null = null;
  const refresh = () => {
    current?.abort();
    const ctl = new AbortController();
    current = ctl;
    title.textContent = t(titleKey);
    element.setAttribute('aria-label', t(titleKey));
    refreshButton.textContent = t('drawer.panel.refresh');
    element.setAttribute('aria-busy', 'true');
    load(ctl.signal)
      .then((children) => {
        if (!ctl.signal.aborted) body.replaceChildren(...children);
      })
      .catch((err: unknown) => {
        if (ctl.signal.aborted) return;
        const key = className.includes('tasks') ? 'drawer.panel.tasks.failed' : 'drawer.panel.stats.failed';
        body.replaceChildren(h('p', { class: 'xc-form-error', attrs: { role: 'alert' }, text: t(key, { message: errorText(err) }) }));
      })
      .finally(() => {
        if (!ctl.signal.aborted) element.setAttribute('aria-busy', 'false');
      });
  };
  refreshButton.addEventListener('click', refresh);
  const stopLanguage = onLanguageChange(refresh);
  refresh();
  return {
    element,
    refresh,
    destroy: () => {
      current?.abort();
      stopLanguage();
      element.remove();
    },
  };
}

function taskItem(c: CaseListItem, onOpen: (id: number) => void): HTMLLIElement {
  const badges: HTMLElement[] = [];
  if (c.overdue) badges.push(h('span', { class: 'xc-badge xc-badge-overdue', text: t('drawer.badge.overdue') }));
  if (c.due_soon) badges.push(h('span', { class: 'xc-badge xc-badge-due-soon', text: t('drawer.badge.dueSoon') }));
  const button = h('button', { class: 'xc-task', attrs: { type: 'button', 'data-case-id': String(c.id), 'data-code': c.code } }, [
    h('span', { class: 'xc-task-line' }, [h('strong', { text: c.code }), stateChip(c.status), ...badges]),
    h('span', { class: 'xc-task-desc', text: c.description || c.area?.name || '' }),
    h('span', { class: 'xc-task-due', text: c.due_at ? t('drawer.panel.tasks.due', { time: formatDateTime(c.due_at) }) : t('drawer.deadline.none') }),
  ]);
  button.addEventListener('click', () => onOpen(c.id));
  return h('li', {}, [button]);
}

/** 我的任务: the unit's open cases, soonest deadline first. */
function handlerPanel(ctx: RolePanelContext): RolePanel {
  return panel('xc-role-panel-tasks', 'drawer.panel.tasks.title', async (signal) => {
    const page = await ctx.api.findCases({ status: TASK_STATES, limit: '100' }, signal);
    const due = (c: CaseListItem) => (c.due_at ? Date.parse(c.due_at) : Number.POSITIVE_INFINITY);
    const tasks = [...page.cases].sort((a, b) => due(a) - due(b));
    if (tasks.length === 0) return [h('p', { class: 'xc-muted', text: t('drawer.panel.tasks.none') })];
    return [
      h('p', { class: 'xc-muted', text: t('drawer.panel.tasks.count', { count: page.total }) }),
      h('ul', { class: 'xc-task-list' }, tasks.map((c) => taskItem(c, ctx.onOpenCase))),
    ];
  });
}

/** Counts by state plus overdue and due soon, from the list totals of the supervisor's own scope. */
function supervisorPanel(ctx: RolePanelContext): RolePanel {
  return panel('xc-role-panel-stats', 'drawer.panel.stats.title', async (signal) => {
    const count = async (params: Record<string, string>) => (await ctx.api.findCases({ ...params, limit: '1' }, signal)).total;
    const [states, overdue, dueSoon] = await Promise.all([
      Promise.all(COUNTED_STATES.map((s) => count({ status: s }))),
      count({ overdue: 'true' }),
      count({ due_soon: 'true' }),
    ]);
    const tile = (label: string, n: number, kind: string) =>
      h('div', { class: `xc-stat xc-stat-${kind}`, attrs: { 'data-stat': kind } }, [h('dt', { text: label }), h('dd', { text: String(n) })]);
    return [
      ...(ctx.me.area ? [h('p', { class: 'xc-muted', text: t('drawer.panel.stats.scope', { area: ctx.me.area.name }) })] : []),
      h('dl', { class: 'xc-stats xc-stats-alerts' }, [
        tile(t('drawer.panel.stats.overdue'), overdue, 'overdue'),
        tile(t('drawer.panel.stats.dueSoon'), dueSoon, 'due_soon'),
      ]),
      h('dl', { class: 'xc-stats' }, COUNTED_STATES.map((s, i) => tile(stateLabel(s), states[i]!, s))),
    ];
  });
}

/** The panel for this user's role, or null when the role has none (dispatcher, admin, inspector). */
export function rolePanel(ctx: RolePanelContext): RolePanel | null {
  if (ctx.me.role === 'handler') return handlerPanel(ctx);
  if (ctx.me.role === 'supervisor') return supervisorPanel(ctx);
  return null;
}
