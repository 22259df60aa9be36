// `npm run import:areas -- FILE.geojson`: loads area boundaries into the configured database
// (DATABASE_URL, or the embedded one under DATA_DIR) in one transaction. Thin: read, import, print.
import fs from 'node:fs';
import { ConfigError, loadConfig } from '../config';
import { openDatabase, StartupError } from '../db/open-db';
import { importAreas } from '../features/areas/area-import.service';

const NAME = 'xuncha import:areas';
const USAGE = 'usage: npm run import:areas -- FILE.geojson';

function fail(message: string, code: number): never {
  process.stderr.write(`${NAME}: ${message}\n`);
  process.exit(code);
}

/** The parsed file, or a one-line usage error. */
function readGeoJson(file: string | undefined): unknown {
  if (file === '--help' || file === '-h') {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (!file || file.startsWith('-')) fail(`no file given; ${USAGE}`, 2);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    fail(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (err as Error).message}; ${USAGE}`, 2);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    fail(`${file} is not valid JSON (${(err as Error).message}); ${USAGE}`, 2);
  }
}

async function main(args: string[]) {
  const file = args[0];
  const input = readGeoJson(file);
  const config = loadConfig();
  const db = await openDatabase(config);
  let result;
  try {
    result = await importAreas({ db }, input);
  } finally {
    await db.close();
  }
  if (!result.ok) {
    process.stderr.write(`${NAME}: ${file} rejected, nothing written (${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}):\n`);
    process.stderr.write(result.problems.map((p) => `${p}\n`).join(''));
    process.exit(1);
  }
  const s = result.summary;
  const repairedFeatures = new Set(s.repaired.map((r) => r.label)).size;
  process.stdout.write(
    `${NAME}: ${file}: ${s.total} area${s.total === 1 ? '' : 's'}: ${s.inserted} inserted, ${s.updated} updated, ${s.unchanged} unchanged, ` +
      `${repairedFeatures} repaired, ${s.relinked} descendants relinked\n`,
  );
  process.stdout.write(s.repaired.map((r) => `repaired ${r.label}: ${r.note}\n`).join(''));
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof StartupError) fail(err.message, err instanceof ConfigError ? 2 : 1);
  fail(err instanceof Error ? err.message.split('\n')[0]! : String(err), 1);
});
