// The outbox: who hears of a case event, written in the same transaction as the event itself,
// so a notification exists exactly when its event does.
//   dispatch → the handlers of the case's unit;  recheck_fail back to dispatched → them again (rework)
//   rectify → the inspectors of the case's micro-grid or grid, and its reporter
//   return → the dispatchers of the case's street;  fix_on_the_spot (马上办) → them too, to confirm
//   supervise → whoever holds the case now: street dispatchers, unit handlers or grid inspectors
import type { Queryable } from '../../db/db';
import { notificationTitles } from './notification-titles';
import { notificationsRepo, type EventFacts } from './notifications.repo';
import { inboxNotifier, type Notification, type NotificationKind, type Notifier } from './notifier';

type Audience = 'unit_handlers' | 'grid_inspectors' | 'street_dispatchers';

/** What an event announces, judged from the event alone; null for events nobody needs telling of. */
export function notificationKind(e: { action: string; from: string | null; to: string }): NotificationKind | null {
  if (e.action === 'return') return 'returned';
  if (e.action === 'fix_on_the_spot') return 'confirm_due';
  if (e.action === 'supervise') return 'supervised';
  if (e.from === e.to) return null;
  if (e.to === 'dispatched') return e.action === 'recheck_fail' ? 'rework' : 'dispatched';
  if (e.to === 'rectified') return 'recheck_due';
  return null;
}

const SUPERVISED_BY_STATUS: Partial<Record<string, Audience>> = {
  registered: 'street_dispatchers',
  dispatched: 'unit_handlers',
  in_progress: 'unit_handlers',
  rectified: 'grid_inspectors',
};

function audienceOf(kind: NotificationKind, caseStatus: string): Audience | undefined {
  switch (kind) {
    case 'dispatched':
    case 'rework':
      return 'unit_handlers';
    case 'recheck_due':
      return 'grid_inspectors';
    case 'confirm_due':
    case 'returned':
    case 'overdue':
      return 'street_dispatchers';
    case 'supervised':
      return SUPERVISED_BY_STATUS[caseStatus];
  }
}

async function recipients(tx: Queryable, audience: Audience, f: EventFacts): Promise<number[]> {
  switch (audience) {
    case 'unit_handlers':
      return f.unitId === null ? [] : notificationsRepo.unitHandlers(tx, f.unitId, f.actorId);
    case 'grid_inspectors':
      return notificationsRepo.gridInspectors(tx, f.gridAreaIds, f.reporterId, f.actorId);
    case 'street_dispatchers':
      return f.streetId === null ? [] : notificationsRepo.streetDispatchers(tx, f.streetId, f.actorId);
  }
}

/**
 * Writes the notifications that case event `event.id` calls for and returns them. Call it in the
 * transaction that inserted the event, after the case row is updated: recipients follow the case
 * as the action left it (its unit, its street). Calling it twice for one event adds nothing.
 * @example
 *   const eventId = await intakeRepo.insertEvent(tx, { caseId, action: 'dispatch', … });
 *   await notifyForEvent(tx, { id: eventId });
 */
export async function notifyForEvent(tx: Queryable, event: { id: number }, notifier: Notifier = inboxNotifier(tx)): Promise<Notification[]> {
  const facts = await notificationsRepo.eventFacts(tx, event.id);
  if (!facts) throw new Error(`notifyForEvent: no case event ${event.id} in this transaction`);
  const kind = notificationKind(facts);
  const audience = kind && audienceOf(kind, facts.status);
  if (!kind || !audience) return [];
  const titles = notificationTitles(kind, facts);
  const sent: Notification[] = [];
  for (const userId of await recipients(tx, audience, facts)) {
    const n: Notification = {
      userId,
      caseId: facts.caseId,
      caseCode: facts.code,
      eventId: facts.eventId,
      kind,
      dueAt: null,
      titleZh: titles.zh,
      titleEn: titles.en,
      createdAt: facts.at,
    };
    await notifier.send(n);
    sent.push(n);
  }
  return sent;
}
