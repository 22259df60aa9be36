// Runs once per `vitest run`: pays the PostGIS set-up and migrations once, into a template
// that every test file copies (a PGlite data-dir dump, or a PostgreSQL template database).
// Several runs may share a machine, so templates are keyed by the migrations and never rebuilt in place.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { migrate } from '../../api/src/db/migrate';
import { openPg } from '../../api/src/db/pg-driver';
import { openPglite } from '../../api/src/db/pglite-driver';
import { PG_TEMPLATE_PREFIX, PG_TEST_DB_PREFIX, pgliteTemplatePath, pgTemplateDb, withDatabase } from './template';

async function preparePgliteTemplate() {
  const file = pgliteTemplatePath();
  if (fs.existsSync(file)) return;
  // Templates of older migrations or PGlite builds are never read again.
  const dir = path.dirname(file);
  for (const old of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if (/^pglite-.*\.tgz$/.test(old)) fs.rmSync(path.join(dir, old), { force: true });
  }
  const db = await openPglite();
  await migrate(db);
  const dump = await db.dump();
  await db.close();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  fs.renameSync(tmp, file);
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function withAdmin<T>(url: string, fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

/** Drops test databases left by runs that died, and templates of older migrations. */
async function dropStale(admin: pg.Client, template: string) {
  const { rows } = await admin.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname LIKE 'xuncha\\_test\\_%' OR datname LIKE 'xuncha\\_tpl\\_%'`,
  );
  for (const { datname } of rows) {
    const pid = datname.startsWith(PG_TEST_DB_PREFIX) ? Number(datname.slice(PG_TEST_DB_PREFIX.length).split('_')[0]) : NaN;
    const stale = datname.startsWith(PG_TEMPLATE_PREFIX) ? datname !== template && !datname.includes('_building_') : !isAlive(pid);
    if (!stale) continue;
    await admin.query(`ALTER DATABASE "${datname}" WITH IS_TEMPLATE false`).catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => undefined);
  }
}

async function preparePgTemplate(url: string) {
  const template = pgTemplateDb();
  const exists = await withAdmin(url, async (admin) => {
    await dropStale(admin, template);
    const { rows } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1 AND datistemplate', [template]);
    return rows.length > 0;
  });
  if (exists) return;
  // Build under a private name, then rename: a concurrent run never copies a half-built template.
  const building = `${template}_building_${process.pid}`;
  await withAdmin(url, (admin) => admin.query(`CREATE DATABASE "${building}"`));
  const db = await openPg({ connectionString: withDatabase(url, building), max: 1 });
  try {
    await migrate(db);
  } finally {
    await db.close();
  }
  await withAdmin(url, async (admin) => {
    try {
      await admin.query(`ALTER DATABASE "${building}" RENAME TO "${template}"`);
      await admin.query(`ALTER DATABASE "${template}" WITH IS_TEMPLATE true`);
    } catch {
      // Another run finished the same template first; use theirs.
      await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
    }
  });
}

export default async function setup() {
  const url = process.env.DATABASE_URL;
  if (url) await preparePgTemplate(url);
  else await preparePgliteTemplate();
}
