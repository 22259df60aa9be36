// Chooses the driver from the configuration, checks the server can do PostGIS, and migrates.
// Start-up failures become one StartupError line that names the problem.
import path from 'node:path';
import type { Config } from '../config';
import type { Db } from './db';
import { lockDataDir } from './data-dir-lock';
import { migrate } from './migrate';
import { openPg } from './pg-driver';
import { openPglite } from './pglite-driver';

/** A start-up problem the operator can fix; its message is printed as one line. */
export class StartupError extends Error {}

/** Where the URL points, without the password, for messages. */
export function describeUrl(url: string, setting = 'DATABASE_URL'): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return setting;
  }
}

function pgErrorCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : undefined;
}

async function openPostgres(url: string, poolSize: number, setting = 'DATABASE_URL'): Promise<Db> {
  const where = describeUrl(url, setting);
  let db: Db;
  try {
    db = await openPg({ connectionString: url, max: poolSize });
  } catch (err) {
    const code = pgErrorCode(err);
    const reason = code === '28P01' || code === '28000' ? 'authentication failed'
      : code === '3D000' ? 'the database does not exist'
      : (err as Error).message || code || 'no answer';
    throw new StartupError(`cannot connect to PostgreSQL at ${where} (${setting}): ${reason}`);
  }
  const [ext] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_available_extensions WHERE name = 'postgis'");
  if (!ext?.n) {
    await db.close();
    throw new StartupError(
      `PostgreSQL at ${where} has no PostGIS extension; install it (Debian: apt-get install -y postgresql-15-postgis-3)`,
    );
  }
  return db;
}

async function openEmbedded(dataDir: string): Promise<Db> {
  let release: () => void;
  try {
    release = lockDataDir(dataDir);
  } catch (err) {
    throw new StartupError(`cannot open the embedded database in ${dataDir}: ${(err as Error).message}`);
  }
  try {
    const db = await openPglite({ dataDir: path.join(dataDir, 'pglite') });
    return {
      ...db,
      async close() {
        await db.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw new StartupError(`cannot open the embedded database in ${dataDir}: ${(err as Error).message}`);
  }
}

/** Opens the configured database and applies pending migrations. */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'databasePoolSize' | 'dataDir'>): Promise<Db> {
  const db = config.databaseUrl ? await openPostgres(config.databaseUrl, config.databasePoolSize) : await openEmbedded(config.dataDir);
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    throw new StartupError(`database migration failed: ${(err as Error).message}`);
  }
  return db;
}

/**
 * Opens the read replica named by DATABASE_READ_URL, or returns null when none is set (reads then go to the
 * primary). A replica of the primary has its schema, so nothing is migrated here.
 */
export async function openReadDatabase(config: Pick<Config, 'databaseReadUrl' | 'databasePoolSize'>): Promise<Db | null> {
  // loadConfig refuses a replica without DATABASE_URL, so the primary here is always a server.
  if (!config.databaseReadUrl) return null;
  return openPostgres(config.databaseReadUrl, config.databasePoolSize, 'DATABASE_READ_URL');
}
