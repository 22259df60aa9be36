// Which patrol ids a report may name. The patrol feature plugs its own lookup in through IntakeDeps;
// until it lands there are no patrols, so every patrol_id is unknown and refused (422).
import type { Queryable } from '../../db/db';

export type PatrolLookup = {
  /** Does patrol `id` exist and may `userId` file reports under it? */
  accepts: (q: Queryable, a: { patrolId: number; userId: number }) => Promise<boolean>;
};

/** No patrols table yet: nothing is a known patrol. */
export const NO_PATROLS: PatrolLookup = { accepts: async () => false };
