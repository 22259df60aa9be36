// The five roles of the closed loop: pure vocabulary, shared by the workflow rules and the auth feature.
export const ROLES = ['admin', 'dispatcher', 'handler', 'inspector', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];
