// SQL for writing notifications: what an event did to which case, who should hear of it,
// which open cases have passed their deadline unannounced, and the insert itself.
import type { Queryable } from '../../db/db';
import type { Notification } from './notifier';

export type EventFacts = {
  eventId: number;
  action: string;
  from: string | null;
  to: string;
  actorId: number | null;
  at: Date;
  caseId: number;
  code: string;
  status: string;
  unitId: number | null;
  streetId: number | null;
  /** The case's own area, micro-grid and grid: where its inspectors live. */
  gridAreaIds: number[];
  reporterId: number | null;
  categoryZh: string;
  categoryEn: string;
};

// Read inside the writer's transaction, so it sees the case as the action has just left it.
const EVENT_FACTS = `
  SELECT e.id AS "eventId", e.action, e.from_status AS "from", e.to_status AS "to", e.actor_id AS "actorId", e.created_at AS "at",
         c.id AS "caseId", c.code, c.status, c.unit_id AS "unitId", c.street_id AS "streetId",
         array_remove(ARRAY[c.area_id, c.micro_grid_id, c.grid_id], NULL) AS "gridAreaIds",
         c.reporter_id AS "reporterId", k.name_zh AS "categoryZh", k.name_en AS "categoryEn"
  FROM case_events e
  JOIN cases c ON c.id = e.case_id
  JOIN categories k ON k.code = c.category_code
  WHERE e.id = $1`;

// Recipients never include whoever took the action ($2): nobody needs telling what they just did.
const UNIT_HANDLERS = `
  SELECT id FROM users WHERE role = 'handler' AND active AND unit_id = $1 AND id IS DISTINCT FROM $2 ORDER BY id`;
// The inspectors at home in the case's micro-grid or grid, and the inspector who reported it.
const GRID_INSPECTORS = `
  SELECT id FROM users
  WHERE role = 'inspector' AND active AND (area_id = ANY ($1::int[]) OR id = $3) AND id IS DISTINCT FROM $2
  ORDER BY id`;
const STREET_DISPATCHERS = `
  SELECT id FROM users WHERE role = 'dispatcher' AND active AND area_id = $1 AND id IS DISTINCT FROM $2 ORDER BY id`;

const INSERT = `
  INSERT INTO notifications (user_id, case_id, event_id, kind, due_at, title_zh, title_en, created_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
  ON CONFLICT DO NOTHING
  RETURNING id`;

export type OverdueRow = { caseId: number; code: string; dueAt: Date; userId: number; categoryZh: string; categoryEn: string };

// "Overdue" is decided here, against the clock's now ($1), one row per dispatcher still to be told.
const OVERDUE_UNANNOUNCED = `
  SELECT c.id AS "caseId", c.code, c.due_at AS "dueAt", u.id AS "userId", k.name_zh AS "categoryZh", k.name_en AS "categoryEn"
  FROM cases c
  JOIN categories k ON k.code = c.category_code
  JOIN users u ON u.role = 'dispatcher' AND u.active AND u.area_id = c.street_id
  WHERE c.status IN ('dispatched', 'in_progress') AND c.due_at < $1
    AND NOT EXISTS (SELECT 1 FROM notifications n
                    WHERE n.kind = 'overdue' AND n.case_id = c.id AND n.due_at = c.due_at AND n.user_id = u.id)
  ORDER BY c.due_at, c.id, u.id
  LIMIT $2`;

const userIds = async (q: Queryable, sql: string, params: unknown[]) => (await q.query<{ id: number }>(sql, params)).map((r) => r.id);

export const notificationsRepo = {
  eventFacts: async (q: Queryable, eventId: number) => (await q.query<EventFacts>(EVENT_FACTS, [eventId]))[0],
  unitHandlers: (q: Queryable, unitId: number, exceptUserId: number | null) => userIds(q, UNIT_HANDLERS, [unitId, exceptUserId]),
  gridInspectors: (q: Queryable, areaIds: number[], reporterId: number | null, exceptUserId: number | null) =>
    userIds(q, GRID_INSPECTORS, [areaIds, exceptUserId, reporterId]),
  streetDispatchers: (q: Queryable, streetId: number, exceptUserId: number | null) => userIds(q, STREET_DISPATCHERS, [streetId, exceptUserId]),
  /** Writes one notification; false when it was there already. */
  insert: async (q: Queryable, n: Notification) =>
    (await q.query(INSERT, [n.userId, n.caseId, n.eventId, n.kind, n.dueAt, n.titleZh, n.titleEn, n.createdAt])).length > 0,
  overdueUnannounced: (q: Queryable, now: Date, limit: number) => q.query<OverdueRow>(OVERDUE_UNANNOUNCED, [now, limit]),
};
