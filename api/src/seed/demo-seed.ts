// Placeholder until the demo seed lands (being written now).
import type { Queryable } from '../db/db';
export async function seedDemo(_q: Queryable, _opts: { now: Date; passwordHash: string }) {
  return { areas: 0 };
}
