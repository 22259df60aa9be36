// Names and places of the prepared test template, shared by the global setup and the test files.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { loadMigrations } from '../../api/src/db/migrate';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/** Changes whenever a migration does, so a stale template is never reused. */
export function migrationsHash(): string {
  const h = createHash('sha256');
  for (const m of loadMigrations()) h.update(`${m.version}:${m.checksum};`);
  return h.digest('hex').slice(0, 16);
}

export const pgliteTemplatePath = () => path.join(REPO_ROOT, '.cache', `pglite-template-${migrationsHash()}.tgz`);
export const PG_TEMPLATE_PREFIX = 'xuncha_tpl_';
/** The template database for the current migrations; concurrent runs share it. */
export const pgTemplateDb = () => `${PG_TEMPLATE_PREFIX}${migrationsHash()}`;
/** Test databases are named xuncha_test_<pid>_<random>, so a setup can tell which are stale. */
export const PG_TEST_DB_PREFIX = 'xuncha_test_';

/** The same server URL with another database name. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
