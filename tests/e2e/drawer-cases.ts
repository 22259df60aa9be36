// Cases in every state of the loop, made through the real API, for the drawer's browser tests.
import { bearerFor, type TestApp } from '../helpers/test-app';
import { fixture } from '../helpers/intake';
import { IN_M1, fileCase, ok, type CaseJson } from '../helpers/workflow';

export type CasesByState = Record<'submitted' | 'registered' | 'dispatched' | 'in_progress' | 'rectified' | 'closed', CaseJson>;

/**
 * Files six cases as inspector1 and moves each one step further along the loop than the last,
 * as dispatcher1, handler1 and inspector1 would. The dispatched one was dispatched ten days ago with
 * a deadline now past (overdue); the one in progress has an hour of its ten left (due soon).
 */
export async function casesInEveryState(t: TestApp, unitId: number): Promise<CasesByState> {
  const [inspector, dispatcher, handler] = await Promise.all(['inspector1', 'dispatcher1', 'handler1'].map((u) => bearerFor(t, u)));
  const now = t.clock.now().getTime();
  const file = (description: string) => fileCase(t, inspector!, { description });
  const accept = (c: CaseJson) => ok(t, dispatcher!, c, 'accept', { handling_mode: 'consultation' });
  const dispatch = (c: CaseJson, fields: Record<string, string> = {}) => ok(t, dispatcher!, c, 'dispatch', { unit_id: unitId, ...fields });
  const photo: [string, Buffer][] = [['after.jpg', fixture('jpg_gps_DSCN0010.jpg')]];
  const hours = (n: number) => new Date(now + n * 3_600_000).toISOString();

  t.clock.set(hours(-240));
  const dispatched = await dispatch(await accept(await file('消防通道被电动车占用')), { due_at: hours(-2) });
  t.clock.set(hours(-9));
  const in_progress = await ok(t, handler!, await dispatch(await accept(await file('楼道内飞线充电')), { due_at: hours(1) }), 'start');
  t.clock.set(new Date(now));

  const submitted = await file('楼道堆放纸箱，待受理');
  const registered = await accept(await file('楼道堆放杂物，已立案'));
  const rectified = await ok(t, handler!, await dispatch(await accept(await file('安全出口堆物'))), 'rectify', {}, photo);
  const toClose = await ok(t, handler!, await dispatch(await accept(await file('灭火器过期'))), 'rectify', {}, photo);
  const closed = await ok(t, inspector!, toClose, 'recheck_pass', IN_M1);
  return { submitted, registered, dispatched, in_progress, rectified, closed };
}
