// The overdue sweep: every open case past its deadline is announced to its street's dispatchers,
// once per deadline. Safe with several processes sweeping at once: inserts ignore repeats.
import type { Logger } from 'pino';
import type { Db } from '../../db/db';
import type { Clock } from '../../lib/clock';
import { notificationTitles } from './notification-titles';
import { notificationsRepo } from './notifications.repo';
import { inboxNotifier } from './notifier';

export type OverdueDeps = { db: Db; clock: Clock; logger: Logger };

const BATCH = 500;

/** One sweep. "Now" is the clock's; the database decides what is overdue. Returns the notifications sent. */
export async function sweepOverdue(deps: OverdueDeps): Promise<number> {
  const now = deps.clock.now();
  let sent = 0;
  for (;;) {
    const found = await deps.db.transaction(async (tx) => {
      const rows = await notificationsRepo.overdueUnannounced(tx, now, BATCH);
      const inbox = inboxNotifier(tx);
      for (const r of rows) {
        const titles = notificationTitles('overdue', r);
        await inbox.send({
          userId: r.userId,
          caseId: r.caseId,
          caseCode: r.code,
          eventId: null,
          kind: 'overdue',
          dueAt: r.dueAt,
          titleZh: titles.zh,
          titleEn: titles.en,
          createdAt: now,
        });
      }
      return rows.length;
    });
    sent += found;
    if (found < BATCH) return sent;
  }
}

/**
 * Sweeps now and then every `intervalMs` (a real timer; the clock only says what time it is).
 * Returns `stop`, which cancels the timer and waits for a sweep in progress to finish.
 */
export function startOverdueWatcher(deps: OverdueDeps, intervalMs = 60_000): () => Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  const run = () => {
    timer = undefined;
    running = sweepOverdue(deps)
      .then((n) => {
        if (n > 0) deps.logger.info({ notifications: n }, 'overdue cases announced');
      })
      .catch((err: unknown) => deps.logger.error({ err }, 'overdue sweep failed'))
      .finally(() => {
        running = undefined;
        // The server's listening socket keeps the process alive, not this timer.
        if (!stopped) timer = setTimeout(run, intervalMs).unref();
      });
  };
  run();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
