// The inspector's API calls: categories, possible duplicates, my cases, rechecks, and sending a queued report.
import { request } from '../api';
import { uploadForm, type UploadProgress } from '../upload';
import type { OutboxItem } from './outbox-store';
import type { CaseAnswer, CaseList, CategoryTree, Fix, NearbyCase } from './report-types';

const qs = (params: Record<string, string>) => new URLSearchParams(params).toString();

export const reportApi = {
  categories: () => request<CategoryTree>('GET', '/api/categories'),
  nearby: (fix: Fix, category: string, signal?: AbortSignal) =>
    request<{ cases: NearbyCase[] }>('GET', `/api/cases/nearby?${qs({ lat: String(fix.lat), lon: String(fix.lon), category })}`, undefined, signal),
  /** 我的上报: the cases I reported, newest first. */
  myCases: () => request<CaseList>('GET', `/api/cases?${qs({ mine: 'true', limit: '100' })}`),
  /** 待核查: rectified cases in my area, waiting for me to check the fix on site. */
  awaitingRecheck: () => request<CaseList>('GET', `/api/cases?${qs({ status: 'rectified', limit: '100' })}`),
  getCase: (id: number) => request<CaseAnswer>('GET', `/api/cases/${id}`),
  /** recheck_pass or recheck_fail, with photos and where I am, as multipart. */
  recheck: (
    c: { id: number; version: number },
    input: { passed: boolean; reason: string; photos: File[]; fix: Fix | null },
    onProgress?: (p: UploadProgress) => void,
  ) => {
    const form = new FormData();
    form.append('action', input.passed ? 'recheck_pass' : 'recheck_fail');
    form.append('version', String(c.version));
    if (input.reason) form.append(input.passed ? 'note' : 'reason', input.reason);
    if (input.fix) {
      form.append('lat', String(input.fix.lat));
      form.append('lon', String(input.fix.lon));
    }
    for (const photo of input.photos) form.append('photos', photo, photo.name);
    return uploadForm<CaseAnswer>(`/api/cases/${c.id}/actions`, form, { ...(onProgress ? { onProgress } : {}) });
  },
};

/** Sends one outbox item: a new case, or photos added to an open case; always under the item's key. */
export async function sendOutboxItem(item: OutboxItem, onProgress: (p: UploadProgress) => void): Promise<{ id: number; code: string }> {
  const form = new FormData();
  for (const p of item.photos) form.append('photos', p.blob, p.name);
  for (const [name, value] of Object.entries(item.fields)) form.append(name, value);
  const url = item.kind === 'case' ? '/api/cases' : `/api/cases/${item.caseId}/reports`;
  const answer = await uploadForm<CaseAnswer>(url, form, { headers: { 'Idempotency-Key': item.key }, onProgress });
  return { id: answer.id, code: answer.code };
}
