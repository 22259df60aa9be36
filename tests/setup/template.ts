// Names and places of the prepared test template, shared by the global setup and the test files.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { loadMigrations } from '../../api/src/db/migrate';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/** Changes whenever a migration does, so a stale template is never reused. */
export function migrationsHash(): string {
  const h = createHash('sha256');
  for (const m of loadMigrations()) h.update(`${m.version}:${m.checksum};`);
  return h.digest('hex').slice(0, 16);
}

// A dump is only readable by the PGlite build that wrote it.
const pgliteVersion = () =>
  (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string }).version;

export const pgliteTemplatePath = () =>
  path.join(REPO_ROOT, '.cache', `pglite-${pgliteVersion()}-template-${migrationsHash()}.tgz`);
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
