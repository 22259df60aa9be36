// A user's inbox: their notifications, newest first, and marking them read.
import type { Db } from '../../db/db';
import { ApiError } from '../../http/errors';
import type { Clock } from '../../lib/clock';
import type { SessionUser } from '../auth/auth.types';
import { caseScope } from '../cases/case-scope';
import { inboxRepo, type InboxRow } from './inbox.repo';

export type InboxDeps = { db: Db; clock: Clock };

const toItem = (r: InboxRow) => ({
  id: r.id,
  kind: r.kind,
  case: { id: r.caseId, code: r.caseCode, status: r.caseStatus },
  event_id: r.eventId,
  title_zh: r.titleZh,
  title_en: r.titleEn,
  due_at: r.dueAt ? r.dueAt.toISOString() : null,
  created_at: r.createdAt.toISOString(),
  read_at: r.readAt ? r.readAt.toISOString() : null,
});

export type InboxItem = ReturnType<typeof toItem>;

/** One page of the inbox; `next_before` pages on when there may be more. */
export async function listInbox(deps: InboxDeps, user: SessionUser, q: { unreadOnly: boolean; limit: number; before?: number | undefined }) {
  const rows = await inboxRepo.list(deps.db, { userId: user.id, unreadOnly: q.unreadOnly, before: q.before ?? null, limit: q.limit, scope: caseScope(user, 'c', 5) });
  const unread = await inboxRepo.unreadCount(deps.db, user.id, caseScope(user, 'c', 2));
  return {
    items: rows.map(toItem),
    unread_count: unread,
    next_before: rows.length === q.limit ? rows[rows.length - 1]!.id : null,
  };
}

/**
 * Marks notifications read: the given ids, or all. Ids that are not the caller's (or unknown)
 * get a 404 naming them, and nothing is marked: someone else's notification looks like none.
 */
export async function markRead(deps: InboxDeps, user: SessionUser, what: { ids: number[] } | { all: true }) {
  const now = deps.clock.now();
  const marked = await deps.db.transaction(async (tx) => {
    if ('all' in what) return inboxRepo.markAllRead(tx, user.id, now);
    const ids = [...new Set(what.ids)];
    const mine = await inboxRepo.visibleIds(tx, user.id, ids, caseScope(user, 'c', 3));
    const missing = ids.filter((id) => !mine.has(id));
    if (missing.length > 0) throw new ApiError(404, 'not_found', `no notification ${missing.join(', ')} in your inbox`, { ids: missing });
    return inboxRepo.markRead(tx, user.id, ids, now);
  });
  return { marked, unread_count: await inboxRepo.unreadCount(deps.db, user.id, caseScope(user, 'c', 2)) };
}
