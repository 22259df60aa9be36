// Chooses the driver from the configuration, checks the server can do PostGIS, migrates as the owner,
// and serves as the least-privileged role xuncha_app.
// Start-up failures become one StartupError line that names the problem.
import path from 'node:path';
import type { Config } from '../config';
import type { Db } from './db';
import { lockDataDir } from './data-dir-lock';
import { migrate, OWNER_ROLE } from './migrate';
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

/** The role requests are served as: rows only, never TRUNCATE, ALTER, triggers or session_replication_role. */
export const APP_ROLE = 'xuncha_app';

/** Who a connection logs in as, and whether it must switch to APP_ROLE to serve. */
async function servingRoleOf(db: Db): Promise<{ user: string; mustSwitch: boolean; canSwitch: boolean }> {
  const [r] = await db.query<{ user: string; privileged: boolean; canSwitch: boolean }>(
    `SELECT current_user AS user,
            current_user <> $1 AND (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
              OR pg_has_role(current_user, $2, 'MEMBER') AS privileged,
            pg_has_role(current_user, $1, 'MEMBER') AS "canSwitch"`,
    [APP_ROLE, OWNER_ROLE],
  );
  return { user: r!.user, mustSwitch: r!.privileged, canSwitch: r!.canSwitch };
}

/** The same URL with `-c role=…` among its startup options: every pooled connection starts as that role. */
function withRole(url: string, role: string): string {
  const u = new URL(url);
  const options = [u.searchParams.get('options'), `-c role=${role}`].filter(Boolean).join(' ');
  u.searchParams.set('options', options);
  return u.toString();
}

/**
 * Opens a serving pool on `url`. A login that owns the tables (or a superuser) serves as APP_ROLE instead;
 * a login that cannot switch to it is refused, so the app never serves with the power to rewrite history.
 */
async function openServing(url: string, poolSize: number, setting: string): Promise<Db> {
  const db = await openPostgres(url, poolSize, setting);
  const role = await servingRoleOf(db);
  if (!role.mustSwitch) return db;
  await db.close();
  if (!role.canSwitch) {
    throw new StartupError(
      `${setting} logs in as ${role.user}, which owns the tables; grant it ${APP_ROLE} (GRANT ${APP_ROLE} TO ${role.user}) or log in as ${APP_ROLE}`,
    );
  }
  return openPostgres(withRole(url, APP_ROLE), poolSize, setting);
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

export type OpenAs = {
  /**
   * app (the default): serve requests as xuncha_app. owner: keep the migrating connection, for tools that
   * load data in bulk (seed:scale truncates and sets session_replication_role).
   */
  as?: 'app' | 'owner';
};

type DbConfig = Pick<Config, 'databaseUrl' | 'databasePoolSize' | 'dataDir'> & Partial<Pick<Config, 'databaseMigrationUrl'>>;

async function migrateOrClose(db: Db): Promise<void> {
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    throw new StartupError(`database migration failed: ${(err as Error).message}`);
  }
}

/**
 * Opens the configured database, applies pending migrations as the owner, and returns a connection
 * that serves as xuncha_app. On PostgreSQL, DATABASE_MIGRATION_URL (if set) migrates and DATABASE_URL
 * serves; PGlite has one session, which switches role after migrating.
 */
export async function openDatabase(config: DbConfig, opts: OpenAs = {}): Promise<Db> {
  const as = opts.as ?? 'app';
  if (!config.databaseUrl) {
    const db = await openEmbedded(config.dataDir);
    await migrateOrClose(db);
    // SQL injection could undo this with RESET ROLE; PGlite is one user in one process anyway.
    if (as === 'app') await db.exec(`SET ROLE ${APP_ROLE}`);
    return db;
  }
  const migrationUrl = config.databaseMigrationUrl ?? config.databaseUrl;
  const setting = config.databaseMigrationUrl ? 'DATABASE_MIGRATION_URL' : 'DATABASE_URL';
  const owner = await openPostgres(migrationUrl, as === 'owner' ? config.databasePoolSize : 1, setting);
  await migrateOrClose(owner);
  if (as === 'owner') return owner;
  await owner.close();
  return openServing(config.databaseUrl, config.databasePoolSize, 'DATABASE_URL');
}

/**
 * Opens the read replica named by DATABASE_READ_URL, or returns null when none is set (reads then go to the
 * primary). A replica of the primary has its schema, so nothing is migrated here.
 */
export async function openReadDatabase(config: Pick<Config, 'databaseReadUrl' | 'databasePoolSize'>): Promise<Db | null> {
  // loadConfig refuses a replica without DATABASE_URL, so the primary here is always a server.
  if (!config.databaseReadUrl) return null;
  return openServing(config.databaseReadUrl, config.databasePoolSize, 'DATABASE_READ_URL');
}
