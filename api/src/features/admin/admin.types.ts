// What every admin service gets: the database and the clock (for created_at), as one small object.
import type { Db } from '../../db/db';
import type { Clock } from '../../lib/clock';

export type AdminDeps = { db: Db; clock: Clock };
