// Decides whether to load the demo data: on the embedded database's first run only, and on a
// real DATABASE_URL only when SEED_DEMO=true asks for it.
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Db } from '../db/db';
import type { Clock } from '../lib/clock';
import { hashPassword } from '../lib/password';
import { seedDemo } from './demo-seed';

/** The password of every demo user; README gives it. */
export const DEMO_PASSWORD = 'xuncha-demo';
const SEEDED_KEY = 'demo_seeded_at';

export async function seedDemoIfWanted(
  deps: { db: Db; clock: Clock; logger: Logger },
  config: Pick<Config, 'seedDemo' | 'databaseUrl'>,
): Promise<boolean> {
  if (config.seedDemo === 'false') return false;
  if (config.seedDemo === 'auto' && config.databaseUrl) return false;
  const [state] = await deps.db.query<{ seeded: boolean; used: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM app_meta WHERE key = $1) AS seeded,
            EXISTS (SELECT 1 FROM users) OR EXISTS (SELECT 1 FROM areas) AS used`,
    [SEEDED_KEY],
  );
  // "First run only": once seeded, or once someone has loaded real users or areas, never again.
  if (state?.seeded || state?.used) return false;

  const started = Date.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const summary = await deps.db.transaction(async (tx) => {
    const s = await seedDemo(tx, { now: deps.clock.now(), passwordHash });
    await tx.query('INSERT INTO app_meta (key, value) VALUES ($1, $2)', [SEEDED_KEY, deps.clock.now().toISOString()]);
    return s;
  });
  deps.logger.info({ ...summary, ms: Date.now() - started }, 'loaded demo data');
  return true;
}
