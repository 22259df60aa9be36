// The chaos ledger: what each report's client was told, checked afterwards against the server.
import { send } from '../lib/http';

export type Entry = { key: string; acked: number | null; attempts: number; aborts: number };

/** Every acknowledged report exists exactly once (by its marker), with every photo file answering. */
export async function checkLedger(base: string, admin: Record<string, string>, entries: Entry[], add: (v: string) => void): Promise<number> {
  let photos = 0;
  for (const e of entries) {
    const r = await send(base, `/api/cases?q=${encodeURIComponent(e.key)}&limit=10`, { headers: admin });
    const found = ((r.body as { cases?: { id: number }[] }).cases ?? []).map((c) => c.id);
    if (found.length > 1) add(`report ${e.key} stored ${found.length} times: ${found.join(', ')}`);
    if (e.acked === null) continue;
    if (!found.includes(e.acked)) { add(`acknowledged report ${e.key} (case ${e.acked}) is missing`); continue; }
    const c = (await send(base, `/api/cases/${e.acked}`, { headers: admin })).body as { photos?: { id: string }[] };
    for (const p of c.photos ?? []) {
      for (const size of ['original', 'display', 'thumb']) {
        const s = (await send(base, `/photos/${p.id}/${size}`, { headers: admin })).status;
        photos++;
        if (s !== 200) add(`case ${e.acked} photo ${p.id}/${size} answers ${s}`);
      }
    }
  }
  return photos;
}
