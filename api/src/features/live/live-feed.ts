// One poller per database in this process: it watches where the event log stands and wakes the
// open streams when it moves on, so idle streams cost one small query per interval in all.
// The database, not an in-process emitter, is the source: several API processes see the same log.
import type { Logger } from 'pino';
import type { Queryable } from '../../db/db';
import { isAfter, liveRepo, type Position } from './live.repo';

export type FeedSubscriber = {
  /** The log has moved on to `head`: read what is new. */
  wake(head: Position): void;
  /** The feed is closing (the server is stopping): end the stream. */
  end(): void;
};

export type FeedDeps = { db: Queryable; logger: Logger };

export class LiveFeed {
  private readonly subscribers = new Set<FeedSubscriber>();
  private timer: NodeJS.Timeout | undefined;
  private ticking = false;
  private seen: Position | undefined;
  private closed = false;

  constructor(
    private readonly deps: FeedDeps,
    /** Milliseconds between looks at the log, on a real timer (not the injected clock). */
    readonly pollMs: number,
  ) {}

  /** Adds a stream; the returned function removes it. The timer runs only while someone listens. */
  subscribe(subscriber: FeedSubscriber): () => void {
    if (this.closed) {
      subscriber.end();
      return () => undefined;
    }
    this.subscribers.add(subscriber);
    this.schedule();
    return () => {
      this.subscribers.delete(subscriber);
      if (this.subscribers.size === 0) this.stopTimer();
    };
  }

  /** For tests and health: open streams, and whether a poll is pending or running. */
  get stats() {
    return { subscribers: this.subscribers.size, polling: this.timer !== undefined || this.ticking };
  }

  /** Stops polling and ends every stream; later subscribers are ended at once. */
  close(): void {
    this.closed = true;
    this.stopTimer();
    const ending = [...this.subscribers];
    this.subscribers.clear();
    for (const s of ending) s.end();
  }

  private schedule() {
    if (this.timer || this.ticking || this.closed || this.subscribers.size === 0) return;
    this.timer = setTimeout(() => void this.tick(), this.pollMs);
  }

  private stopTimer() {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async tick() {
    this.timer = undefined;
    this.ticking = true;
    try {
      const head = await liveRepo.head(this.deps.db);
      if (!this.seen || isAfter(head, this.seen)) {
        this.seen = head;
        for (const s of [...this.subscribers]) s.wake(head);
      }
    } catch (err) {
      if (!this.closed) this.deps.logger.warn({ err }, 'live feed: reading the event log failed');
    } finally {
      this.ticking = false;
      this.schedule();
    }
  }
}

// The app builds its routes without a handle back to the entry point, so the feeds are found
// by their database when the server stops (see endLiveStreams).
const feedsByDb = new WeakMap<object, Set<LiveFeed>>();

/** A feed over `deps.db`, ended by `endLiveStreams(deps.db)`. */
export function createLiveFeed(deps: FeedDeps, pollMs: number): LiveFeed {
  const feed = new LiveFeed(deps, pollMs);
  const feeds = feedsByDb.get(deps.db) ?? new Set<LiveFeed>();
  feeds.add(feed);
  feedsByDb.set(deps.db, feeds);
  return feed;
}

/** Ends every live stream over `db` and stops their polling: call on shutdown, before closing `db`. */
export function endLiveStreams(db: Queryable): void {
  for (const feed of feedsByDb.get(db) ?? []) feed.close();
  feedsByDb.delete(db);
}
