// A database of its own for each test file, copied from the prepared template:
// PGlite loads the template dump; PostgreSQL creates a database from the template database.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import type { Db } from '../../api/src/db/db';
import { openPg } from '../../api/src/db/pg-driver';
import { openPglite } from '../../api/src/db/pglite-driver';
import { PG_TEST_DB_PREFIX, pgliteTemplatePath, pgTemplateDb, withDatabase } from '../setup/template';

export type TestDb = Db & { url?: string };

export async function openTestDb(): Promise<TestDb> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dump = fs.readFileSync(pgliteTemplatePath());
    return openPglite({ loadDataDir: new Blob([dump]) });
  }
  const name = `${PG_TEST_DB_PREFIX}${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${pgTemplateDb()}"`);
  } finally {
    await admin.end();
  }
  const testUrl = withDatabase(url, name);
  const db = await openPg({ connectionString: testUrl, max: 5 });
  return {
    ...db,
    url: testUrl,
    async close() {
      await db.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => a.end());
    },
  };
}
