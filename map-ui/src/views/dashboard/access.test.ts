// Only supervisors, dispatchers and admins get the dashboard.
import { describe, expect, it } from 'vitest';
import { canOpenDashboard, isDashboardHash } from './access';

describe('dashboard access', () => {
  it('is for supervisors, dispatchers and admins only', () => {
    expect(['supervisor', 'dispatcher', 'admin'].every((r) => canOpenDashboard(r as 'admin'))).toBe(true);
    expect(canOpenDashboard('inspector')).toBe(false);
    expect(canOpenDashboard('handler')).toBe(false);
  });

  it('answers the #/dashboard address only', () => {
    expect(isDashboardHash('#/dashboard')).toBe(true);
    expect(isDashboardHash('')).toBe(false);
    expect(isDashboardHash('#/')).toBe(false);
  });
});
