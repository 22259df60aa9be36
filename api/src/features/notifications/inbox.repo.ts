// SQL for reading and clearing a user's inbox. Only notifications about cases still in the
// user's scope show: someone moved to another unit stops seeing their old unit's cases here too.
import type { Queryable } from '../../db/db';
import type { SqlFragment } from '../cases/case-scope';
import type { NotificationKind } from './notifier';

export type InboxRow = {
  id: number;
  kind: NotificationKind;
  caseId: number;
  caseCode: string;
  caseStatus: string;
  eventId: number | null;
  titleZh: string;
  titleEn: string;
  dueAt: Date | null;
  createdAt: Date;
  readAt: Date | null;
};

// $1 user, $2 unread only, $3 before this id (paging), $4 limit; the scope from $5.
const list = (scope: SqlFragment) => `
  SELECT n.id, n.kind, n.case_id AS "caseId", c.code AS "caseCode", c.status AS "caseStatus", n.event_id AS "eventId",
         n.title_zh AS "titleZh", n.title_en AS "titleEn", n.due_at AS "dueAt", n.created_at AS "createdAt", n.read_at AS "readAt"
  FROM notifications n
  JOIN cases c ON c.id = n.case_id
  WHERE n.user_id = $1 AND (NOT $2::boolean OR n.read_at IS NULL) AND ($3::bigint IS NULL OR n.id < $3) AND ${scope.sql}
  ORDER BY n.id DESC
  LIMIT $4`;

// $1 user; the scope from $2.
const unreadCount = (scope: SqlFragment) => `
  SELECT count(*)::int AS n
  FROM notifications n
  JOIN cases c ON c.id = n.case_id
  WHERE n.user_id = $1 AND n.read_at IS NULL AND ${scope.sql}`;

// $1 user, $2 ids; the scope from $3.
const visibleIds = (scope: SqlFragment) => `
  SELECT n.id
  FROM notifications n
  JOIN cases c ON c.id = n.case_id
  WHERE n.user_id = $1 AND n.id = ANY ($2::bigint[]) AND ${scope.sql}`;

// Already-read notifications keep the time they were first read.
const MARK_READ = `
  UPDATE notifications SET read_at = $3
  WHERE user_id = $1 AND id = ANY ($2::bigint[]) AND read_at IS NULL
  RETURNING id`;

const MARK_ALL_READ = `UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL RETURNING id`;

export const inboxRepo = {
  list: (q: Queryable, a: { userId: number; unreadOnly: boolean; before: number | null; limit: number; scope: SqlFragment }) =>
    q.query<InboxRow>(list(a.scope), [a.userId, a.unreadOnly, a.before, a.limit, ...a.scope.params]),
  unreadCount: async (q: Queryable, userId: number, scope: SqlFragment) =>
    (await q.query<{ n: number }>(unreadCount(scope), [userId, ...scope.params]))[0]!.n,
  visibleIds: async (q: Queryable, userId: number, ids: number[], scope: SqlFragment) =>
    new Set((await q.query<{ id: number }>(visibleIds(scope), [userId, ids, ...scope.params])).map((r) => r.id)),
  /** Marks these as read now; returns how many were unread. */
  markRead: async (q: Queryable, userId: number, ids: number[], now: Date) => (await q.query(MARK_READ, [userId, ids, now])).length,
  markAllRead: async (q: Queryable, userId: number, now: Date) => (await q.query(MARK_ALL_READ, [userId, now])).length,
};
