// Who may see a case, decided outside the server from what admin sees (area path, unit, reporter,
// dispatch events): the rules of api/src/features/cases/case-scope.ts and tests/api/scope-matrix.test.ts.
export type Me = { id: number; username: string; role: string; areaCode: string | null; unitCode: string | null };
export type Truth = { id: number; areaCodes: string[]; unitCode: string | null; dispatched: boolean; reporterId: number | null; unassigned: boolean };

/** True when `me` may see the case; null when no rule decides it yet (a case outside every area: defect 10). */
export function maySee(me: Me, c: Truth): boolean | null {
  if (me.role === 'admin') return true;
  if (me.role === 'handler') return me.unitCode !== null && c.unitCode === me.unitCode && c.dispatched;
  const inArea = me.areaCode !== null && c.areaCodes.includes(me.areaCode);
  if (me.role === 'inspector' && c.reporterId === me.id) return true;
  if (c.unassigned) return null;
  return inArea;
}
