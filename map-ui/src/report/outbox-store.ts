// The outbox's IndexedDB table: queued reports with their photos as Blobs, so a reload or a
// dead battery loses nothing. A handful of promise wrappers; no library needed for one table.

export type OutboxState = 'waiting' | 'sending' | 'failed' | 'sent';

export type OutboxItem = {
  /** Also the Idempotency-Key: the same on every attempt, so the server makes one case at most. */
  key: string;
  /** Whose report this is; another user on the same phone never sends it. */
  userId: number;
  /** A new case, or photos added to an open case. */
  kind: 'case' | 'add_report';
  /** For add_report: the case added to. */
  caseId?: number;
  /** What the list shows for it: the category's Chinese name, say, or the case code added to. */
  title: string;
  /** The same in English, when it differs. */
  titleEn?: string | undefined;
  fields: Record<string, string>;
  photos: { name: string; blob: Blob }[];
  createdAt: number;
  state: OutboxState;
  attempts: number;
  /** Epoch ms before which no retry is due. */
  nextAttemptAt: number;
  error?: { status: number; code: string; message: string } | undefined;
  /** The case made or added to, once sent. */
  result?: { id: number; code: string } | undefined;
};

const DB_NAME = 'xuncha-outbox';
const STORE = 'items';

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'key' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => {
      opening = null;
      reject(req.error ?? new Error('IndexedDB unavailable'));
    };
  });
  return opening;
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  return new Promise<T>((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const req = work(tx.objectStore(STORE));
    // Resolve on commit, not on the request: only then is the write on disk.
    tx.oncomplete = () => resolve(req.result);
    tx.onerror = () => reject(tx.error ?? req.error ?? new Error('IndexedDB write failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

export const outboxStore = {
  all: (): Promise<OutboxItem[]> => run('readonly', (s) => s.getAll() as IDBRequest<OutboxItem[]>),
  put: (item: OutboxItem): Promise<unknown> => run('readwrite', (s) => s.put(item)),
  remove: (key: string): Promise<unknown> => run('readwrite', (s) => s.delete(key)),
};
