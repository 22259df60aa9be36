// SQL for a case's timeline: its append-only events, oldest first, with who acted and the photos added.
import type { Queryable } from '../../db/db';
import type { SqlFragment } from './case-scope';

export type EventRow = {
  id: number;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actor: { id: number; display_name: string; role: string } | null;
  note: string | null;
  payload: Record<string, unknown>;
  createdAt: Date;
  photos: { id: string; stage: string }[];
};

const VISIBLE = `SELECT 1 FROM cases c WHERE c.id = $1`;

const TIMELINE = `
  SELECT e.id, e.action, e.from_status AS "fromStatus", e.to_status AS "toStatus",
         CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'display_name', u.display_name, 'role', e.actor_role) END AS actor,
         e.note, e.payload, e.created_at AS "createdAt",
         COALESCE((SELECT json_agg(json_build_object('id', p.id, 'stage', p.stage) ORDER BY p.position)
                   FROM photos p WHERE p.event_id = e.id), '[]'::json) AS photos
  FROM case_events e LEFT JOIN users u ON u.id = e.actor_id
  WHERE e.case_id = $1
  ORDER BY e.id`;

export const eventsRepo = {
  /** Scope parameters start at $2. */
  visible: async (q: Queryable, caseId: number, scope: SqlFragment) =>
    (await q.query(`${VISIBLE} AND ${scope.sql}`, [caseId, ...scope.params])).length === 1,
  timeline: (q: Queryable, caseId: number) => q.query<EventRow>(TIMELINE, [caseId]),
};
