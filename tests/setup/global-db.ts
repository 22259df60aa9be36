// Runs once per `vitest run`: pays the PostGIS set-up and migrations once, into a template
// that every test file copies (a PGlite data-dir dump, or a PostgreSQL template database).
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { migrate } from '../../api/src/db/migrate';
import { openPg } from '../../api/src/db/pg-driver';
import { openPglite } from '../../api/src/db/pglite-driver';
import { PG_TEMPLATE_DB, PG_TEST_DB_PREFIX, pgliteTemplatePath, withDatabase } from './template';

async function preparePgliteTemplate() {
  const file = pgliteTemplatePath();
  if (fs.existsSync(file)) return;
  const db = await openPglite();
  await migrate(db);
  const dump = await db.dump();
  await db.close();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  fs.renameSync(tmp, file);
}

async function dropTestDatabases(admin: pg.Client, includeTemplate: boolean) {
  const { rows } = await admin.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname LIKE $1`,
    [`${PG_TEST_DB_PREFIX}%`],
  );
  for (const { datname } of rows) {
    if (datname === PG_TEMPLATE_DB && !includeTemplate) continue;
    await admin.query(`ALTER DATABASE "${datname}" WITH IS_TEMPLATE false`).catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
}

async function preparePgTemplate(url: string) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await dropTestDatabases(admin, true);
    await admin.query(`CREATE DATABASE "${PG_TEMPLATE_DB}"`);
  } finally {
    await admin.end();
  }
  const db = await openPg({ connectionString: withDatabase(url, PG_TEMPLATE_DB), max: 1 });
  try {
    await migrate(db);
  } finally {
    await db.close();
  }
  const admin2 = new pg.Client({ connectionString: url });
  await admin2.connect();
  await admin2.query(`ALTER DATABASE "${PG_TEMPLATE_DB}" WITH IS_TEMPLATE true`);
  await admin2.end();
}

export default async function setup() {
  const url = process.env.DATABASE_URL;
  if (url) await preparePgTemplate(url);
  else await preparePgliteTemplate();
  return async () => {
    if (!url) return;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await dropTestDatabases(admin, false);
    await admin.end();
  };
}
