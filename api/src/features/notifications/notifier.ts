// How a notification reaches a person. The in-app inbox is the channel today; SMS and WeChat
// adapters come later behind the same interface.
import type { Logger } from 'pino';
import type { Queryable } from '../../db/db';
import { notificationsRepo } from './notifications.repo';

export const NOTIFICATION_KINDS = ['dispatched', 'rework', 'recheck_due', 'confirm_due', 'returned', 'supervised', 'overdue'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type Notification = {
  userId: number;
  caseId: number;
  caseCode: string;
  /** The event that caused it; null for an overdue case, which no event marks. */
  eventId: number | null;
  kind: NotificationKind;
  /** For 'overdue': the deadline that passed. */
  dueAt: Date | null;
  titleZh: string;
  titleEn: string;
  createdAt: Date;
};

export interface Notifier {
  send(notification: Notification): Promise<void>;
}

/**
 * The inbox: writes the notification into `q`, the transaction that wrote its cause, so both
 * commit or neither does. A repeat (a retried event, a second sweeping process) is ignored.
 * Adapters that leave the database (SMS, WeChat) must not run inside that transaction: they are
 * to read committed rows of the notifications table, which is the outbox, and send those.
 */
export function inboxNotifier(q: Queryable): Notifier {
  return {
    async send(n) {
      await notificationsRepo.insert(q, n);
    },
  };
}

/** Writes each notification to the log: for development, and the shape of the adapters to come. */
export function logNotifier(logger: Logger): Notifier {
  return {
    async send(n) {
      logger.info({ user: n.userId, case: n.caseCode, kind: n.kind }, n.titleZh);
    },
  };
}

/** Sends through each notifier in turn. */
export function allOf(...notifiers: Notifier[]): Notifier {
  return {
    async send(n) {
      for (const notifier of notifiers) await notifier.send(n);
    },
  };
}
