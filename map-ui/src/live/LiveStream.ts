// The live case feed (GET /api/events/stream) over EventSource. The browser reconnects by itself after a
// dropped connection, sending Last-Event-ID; when it gives up (an error answer, a proxy in the way) we
// reconnect with backoff, resuming after the last event we saw.
import type { CaseChange } from '../api-types';
import { reconnectDelay, resumeUrl } from './reconnect';

export type LiveState = 'connecting' | 'open' | 'down';

export type LiveStreamOptions = {
  url?: string;
  onCase: (change: CaseChange) => void;
  /** The server could not replay what was missed: reload everything. */
  onReset: () => void;
  onState?: (state: LiveState) => void;
};

export class LiveStream {
  private source: EventSource | null = null;
  private lastEventId: string | null = null;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = true;
  private readonly url: string;

  constructor(private readonly options: LiveStreamOptions) {
    this.url = options.url ?? '/api/events/stream';
  }

  start(): void {
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.source?.close();
    this.source = null;
  }

  private connect(): void {
    if (this.stopped) return;
    this.options.onState?.('connecting');
    const source = new EventSource(resumeUrl(this.url, this.lastEventId), { withCredentials: true });
    this.source = source;
    const seen = (e: MessageEvent) => {
      if (e.lastEventId) this.lastEventId = e.lastEventId;
    };
    source.addEventListener('ready', (e) => {
      seen(e as MessageEvent);
      this.attempt = 0;
      this.options.onState?.('open');
    });
    source.addEventListener('reset', (e) => {
      seen(e as MessageEvent);
      this.attempt = 0;
      this.options.onState?.('open');
      this.options.onReset();
    });
    source.addEventListener('case', (e) => {
      const message = e as MessageEvent<string>;
      seen(message);
      try {
        this.options.onCase(JSON.parse(message.data) as CaseChange);
      } catch {
        // A message we cannot read is skipped; the next reload shows the truth anyway.
      }
    });
    source.addEventListener('error', () => {
      if (this.source !== source) return;
      this.options.onState?.('down');
      // CONNECTING: the browser is already retrying, with Last-Event-ID. CLOSED: it gave up; we retry.
      if (source.readyState !== EventSource.CLOSED) return;
      source.close();
      this.source = null;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.connect(), reconnectDelay(this.attempt++));
    });
  }
}
