// The outbox: every report is queued in IndexedDB before it is sent, then sent with its
// Idempotency-Key until the server answers — at once, on the `online` event, or after a backoff.
import { ApiError } from '../api';
import type { UploadProgress } from '../upload';
import { retryDelayMs, verdictFor } from './outbox-policy';
import { outboxStore, type OutboxItem } from './outbox-store';

export type { OutboxItem } from './outbox-store';

export type SendItem = (item: OutboxItem, onProgress: (p: UploadProgress) => void) => Promise<{ id: number; code: string }>;

export type OutboxOptions = {
  userId: number;
  send: SendItem;
  /** A send answered 401: the session is gone; items wait for the next login. */
  onSessionExpired?: () => void;
};

/** Sent items stay visible this long ("sent → XC-…"), then leave the list. */
const KEEP_SENT_MS = 24 * 3600_000;

export class Outbox {
  private items: OutboxItem[] = [];
  private readonly progress = new Map<string, number | undefined>();
  private readonly inFlight = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  private readonly onOnline = () => void this.run(true);

  constructor(private readonly options: OutboxOptions) {}

  /** Loads the queue and starts sending. An attempt cut off by a reload is simply made again, same key. */
  async start(): Promise<void> {
    const now = Date.now();
    const known = new Set(this.items.map((i) => i.key));
    for (const item of (await outboxStore.all()).filter((i) => i.userId === this.options.userId && !known.has(i.key))) {
      if (item.state === 'sent' && now - item.createdAt > KEEP_SENT_MS) {
        await outboxStore.remove(item.key);
        continue;
      }
      if (item.state === 'sending' || (item.state === 'failed' && item.error?.status === 401)) {
        item.state = 'waiting';
        item.nextAttemptAt = 0;
        await outboxStore.put(item);
      }
      this.items.push(item);
    }
    this.items.sort((a, b) => a.createdAt - b.createdAt);
    window.addEventListener('online', this.onOnline);
    this.changed();
    void this.run();
  }

  stop(): void {
    this.stopped = true;
    window.removeEventListener('online', this.onOnline);
    clearTimeout(this.timer);
    this.listeners.clear();
  }

  list(): readonly OutboxItem[] {
    return this.items;
  }

  /** Items not yet sent: the count on the home screen. */
  pendingCount(): number {
    return this.items.filter((i) => i.state !== 'sent').length;
  }

  /** 0..1 while the item's photos go out; undefined when unknown or not sending. */
  progressOf(key: string): number | undefined {
    return this.progress.get(key);
  }

  /** Calls `listener` after every change; returns the function that stops it. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stores the item (so it survives anything), then tries to send it at once. Resolves to how that went. */
  async submit(item: OutboxItem): Promise<OutboxItem> {
    await outboxStore.put(item);
    this.items.push(item);
    this.changed();
    if (!navigator.onLine) return item;
    return this.attempt(item);
  }

  /** Sends a waiting or failed item again now. */
  async retry(key: string): Promise<void> {
    const item = this.items.find((i) => i.key === key);
    if (!item || item.state === 'sent') return;
    item.state = 'waiting';
    item.nextAttemptAt = 0;
    await this.save(item);
    await this.run(true);
  }

  async remove(key: string): Promise<void> {
    if (this.inFlight.has(key)) return;
    await outboxStore.remove(key);
    this.items = this.items.filter((i) => i.key !== key);
    this.changed();
  }

  /** Sends every due item, one at a time; `force` ignores the backoff (the connection just came back). */
  private running = false;
  private async run(force = false): Promise<void> {
    if (this.running || this.stopped) return;
    this.running = true;
    clearTimeout(this.timer);
    try {
      for (;;) {
        if (!navigator.onLine) break;
        const now = Date.now();
        const due = this.items.find((i) => i.state === 'waiting' && !this.inFlight.has(i.key) && (force || i.nextAttemptAt <= now));
        if (!due) break;
        const after = await this.attempt(due);
        // A network failure while "online": the rest would fail too; wait for the backoff.
        if (after.state === 'waiting') force = false;
      }
    } finally {
      this.running = false;
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    const next = Math.min(...this.items.filter((i) => i.state === 'waiting').map((i) => i.nextAttemptAt));
    if (Number.isFinite(next)) this.timer = setTimeout(() => void this.run(), Math.max(0, next - Date.now()));
  }

  private async attempt(item: OutboxItem): Promise<OutboxItem> {
    if (this.inFlight.has(item.key)) return item;
    this.inFlight.add(item.key);
    item.state = 'sending';
    item.attempts += 1;
    this.progress.set(item.key, 0);
    await this.save(item);
    try {
      item.result = await this.options.send(item, (p) => {
        this.progress.set(item.key, p.fraction);
        this.changed();
      });
      item.state = 'sent';
      item.error = undefined;
    } catch (err) {
      const verdict = verdictFor(err);
      const api = err instanceof ApiError ? err : new ApiError(0, 'network_error', String(err));
      item.error = { status: api.status, code: api.code, message: api.message };
      if (verdict === 'retry') {
        item.state = 'waiting';
        item.nextAttemptAt = Date.now() + retryDelayMs(item.attempts, api.retryAfterSeconds);
      } else {
        item.state = 'failed';
        if (verdict === 'relogin') this.options.onSessionExpired?.();
      }
    } finally {
      this.inFlight.delete(item.key);
      this.progress.delete(item.key);
    }
    await this.save(item);
    if (item.state === 'waiting') this.schedule();
    return item;
  }

  private async save(item: OutboxItem): Promise<void> {
    await outboxStore.put(item);
    this.changed();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
