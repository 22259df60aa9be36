// `npm run seed:scale -- --cases 1000000`: a synthetic city with N cases for benchmarks, on a
// PostgreSQL database of its own (created if missing), migrated with the app's own migrator.
import { parseArgs } from 'node:util';
import pg from 'pg';
import { describeUrl, openDatabase, StartupError } from '../db/open-db';
import { hashPassword } from '../lib/password';
import { resetScaleData, seedScale } from '../seed/scale/scale-seed';
import { scaleSeedRepo } from '../seed/scale/scale-seed.repo';
import { DEMO_PASSWORD } from '../seed/seed-policy';

const NAME = 'xuncha seed:scale';
const USAGE = `usage: npm run seed:scale -- [--cases N] [--seed S] [--now ISO] [--reset] [--password P]
                              [--database-url URL | --embedded DATA_DIR]
  --cases N           cases to generate (default 100000)
  --seed S            PRNG seed; the same seed and --now give the same data (default 1)
  --now ISO           the moment the data ends (default: now)
  --database-url URL  PostgreSQL + PostGIS (default: DATABASE_URL); created if missing. Not the 'postgres' database
  --embedded DIR      an embedded PGlite database in DIR instead (slow: for small runs only)
  --reset             wipe an existing scale dataset first
  --password P        every user's password (default: the demo password)`;

function fail(message: string, code: number): never {
  process.stderr.write(`${NAME}: ${message}\n`);
  process.exit(code);
}

function options(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        cases: { type: 'string', default: '100000' }, seed: { type: 'string', default: '1' }, now: { type: 'string' },
        'database-url': { type: 'string' }, embedded: { type: 'string' }, reset: { type: 'boolean', default: false },
        password: { type: 'string', default: DEMO_PASSWORD }, help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }).values;
  } catch (err) {
    fail(`${(err as Error).message}\n${USAGE}`, 2);
  }
  if (parsed.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const cases = Number(parsed.cases);
  if (!Number.isInteger(cases) || cases < 1 || cases > 50_000_000) fail(`--cases must be a whole number from 1 to 50000000, not ${parsed.cases}`, 2);
  const seed = Number(parsed.seed);
  if (!Number.isInteger(seed)) fail(`--seed must be an integer, not ${parsed.seed}`, 2);
  const now = parsed.now ? new Date(parsed.now) : new Date();
  if (Number.isNaN(now.getTime())) fail(`--now is not a date: ${parsed.now}`, 2);
  const url = parsed['database-url'] ?? process.env.DATABASE_URL;
  if (parsed.embedded && parsed['database-url']) fail('give --database-url or --embedded, not both', 2);
  if (!parsed.embedded && !url) fail(`no database: set DATABASE_URL or --database-url (a million rows in PGlite is not the target; --embedded DIR forces it)\n${USAGE}`, 2);
  return { cases, seed, now, url: parsed.embedded ? undefined : url, embedded: parsed.embedded, reset: parsed.reset, password: parsed.password };
}

/** Creates the target database on its server if it does not exist yet. */
async function ensureDatabase(url: string) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!name || name === 'postgres') fail(`refusing to load a scale dataset into ${name ? "the 'postgres' database" : 'an unnamed database'}; use a database of its own, such as .../xuncha_bench`, 2);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rows.length) {
      await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
      process.stdout.write(`${NAME}: created database ${name}\n`);
    }
  } finally {
    await client.end();
  }
}

async function main(argv: string[]) {
  const o = options(argv);
  if (o.url) await ensureDatabase(o.url);
  const db = await openDatabase({ databaseUrl: o.url, databasePoolSize: 4, dataDir: o.embedded ?? './data' }, { as: 'owner' });
  try {
    const state = await scaleSeedRepo.state(db);
    if (state.areas || state.users || state.cases) {
      if (!o.reset) fail('the database already holds data; add --reset to wipe a previous scale dataset', 1);
      if (!state.scale) fail('the database holds data that is not a scale dataset; refusing to wipe it', 1);
      await resetScaleData(db);
      process.stdout.write(`${NAME}: wiped the previous scale dataset\n`);
    }
    process.stdout.write(`${NAME}: ${o.cases.toLocaleString('en')} cases, seed ${o.seed}, ending ${o.now.toISOString()}, into ${o.url ? describeUrl(o.url) : o.embedded}\n`);
    const summary = await seedScale(db, {
      cases: o.cases, seed: o.seed, now: o.now, passwordHash: await hashPassword(o.password),
      log: (line) => process.stdout.write(`${NAME}: ${line}\n`),
    });
    process.stdout.write(`${NAME}: total ${summary.totalSeconds} s (load ${summary.loadSeconds} s, derived tables ${summary.derivedSeconds} s)\n`);
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof StartupError) fail(err.message, 1);
  fail(err instanceof Error ? err.message.split('\n')[0]! : String(err), 1);
});
