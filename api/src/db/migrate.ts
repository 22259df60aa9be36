// Applies the numbered .sql files in migrations/, in order, each in its own transaction.
// An advisory lock held by each transaction keeps two processes from migrating at once.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db, Queryable } from './db';

export type Migration = { version: number; name: string; sql: string; checksum: string };

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
// Any constant shared by every XunCha process; "XC" in ASCII.
const MIGRATION_LOCK_KEY = 0x5843;
/** The migration that creates xuncha_owner; every later one runs as that role, so it owns what they create. */
export const ROLES_MIGRATION = 16;
export const OWNER_ROLE = 'xuncha_owner';

/** Reads `NNNN_name.sql` files, sorted by number. */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const sql = fs.readFileSync(path.join(dir, file), 'utf8');
      return {
        version: Number(file.slice(0, 4)),
        name: file.slice(5, -4),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });
}

export class MigrationError extends Error {}

/** The common case at start-up, answered with one read instead of a transaction per file. */
async function allApplied(db: Db, migrations: Migration[]): Promise<boolean> {
  const [table] = await db.query<{ exists: boolean }>(`SELECT to_regclass('schema_migrations') IS NOT NULL AS exists`);
  if (!table?.exists) return false;
  const rows = await db.query<{ version: number; checksum: string }>('SELECT version, checksum FROM schema_migrations');
  const done = new Map(rows.map((r) => [r.version, r.checksum]));
  return migrations.every((m) => done.get(m.version) === m.checksum);
}

/**
 * Before the roles migration the connecting user creates objects (0001 needs a superuser for PostGIS);
 * after it, objects are created as xuncha_owner, so the default privileges for xuncha_app apply to them.
 */
async function runAsOwnerOnceRolesExist(tx: Queryable): Promise<void> {
  const [r] = await tx.query<{ roles: boolean; member: boolean; owner: boolean }>(
    `SELECT EXISTS (SELECT FROM schema_migrations WHERE version = $1) AS roles,
            current_user = $2 AS owner,
            CASE WHEN EXISTS (SELECT FROM pg_roles WHERE rolname = $2) THEN pg_has_role(current_user, $2, 'MEMBER') ELSE false END AS member`,
    [ROLES_MIGRATION, OWNER_ROLE],
  );
  if (!r?.roles || r.owner) return;
  if (!r.member) throw new MigrationError(`migrations after ${ROLES_MIGRATION} run as ${OWNER_ROLE}; connect as it or as a member of it`);
  await tx.exec(`SET LOCAL ROLE ${OWNER_ROLE}`);
}

/** Brings the schema up to date. Returns the versions applied by this call (none when current). */
export async function migrate(db: Db, migrations = loadMigrations()): Promise<number[]> {
  if (await allApplied(db, migrations)) return [];
  const applied: number[] = [];
  for (const m of migrations) {
    const didApply = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        checksum text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now())`);
      const [done] = await tx.query<{ checksum: string }>(
        'SELECT checksum FROM schema_migrations WHERE version = $1',
        [m.version],
      );
      if (!done) await runAsOwnerOnceRolesExist(tx);
      if (done) {
        if (done.checksum !== m.checksum) {
          throw new MigrationError(`migration ${m.version}_${m.name} was edited after it was applied; add a new migration instead`);
        }
        return false;
      }
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [m.version, m.name, m.checksum]);
      return true;
    });
    if (didApply) applied.push(m.version);
  }
  return applied;
}
