// The Node entry point: configuration, database, HTTP server, graceful shutdown.
// Start-up problems print one line naming the problem and exit non-zero.
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { buildApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import type { Db } from './db/db';
import { describeUrl, openDatabase, openReadDatabase, StartupError } from './db/open-db';
import { systemClock } from './lib/clock';
import { errorBody } from './http/errors';
import { createLogger } from './logger';
import { endLiveStreams } from './features/live/live-feed';
import { startOverdueWatcher } from './features/notifications/overdue-watcher';
import { sweepOrphanPhotos } from './features/photos/orphan-sweep';
import { syncStatsRollupTimeZone } from './features/stats/stats-rollup.service';
import { localBlobStore, removeStaleTempFiles } from './photos/blob-store';
import { seedDemoIfWanted } from './seed/seed-policy';

const version = (JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

function fail(message: string, code = 1): never {
  process.stderr.write(`xuncha: ${message}\n`);
  process.exit(code);
}

/** While the database opens: /healthz says so, every other path answers in the error format. */
function startingResponse(req: Request): Response {
  const headers = { 'Retry-After': '2', 'Cache-Control': 'no-store' };
  if (new URL(req.url).pathname === '/healthz') return Response.json({ status: 'starting', version }, { status: 503, headers });
  return Response.json(errorBody('starting', 'XunCha is starting; retry in a few seconds'), { status: 503, headers });
}

async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message, 2);
    throw err;
  }
  const logger = createLogger(config.logLevel);

  // Listen before the database opens: a busy port is reported at once, not after the
  // embedded database's 10 s first start, and /healthz says 503 while we are starting.
  // The Node adapter's env (the incoming socket) is passed on: getConnInfo needs it for the client address.
  let handle: ((req: Request, env: unknown) => Response | Promise<Response>) | undefined;
  const server = createAdaptorServer({
    fetch: (req: Request, env: unknown) => (handle ? handle(req, env) : startingResponse(req)),
  }) as Server;
  // Node answers malformed requests itself (431 for headers over 16 KB) with an empty body; give the error format.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
    const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
    const body = JSON.stringify(
      errorBody(tooLarge ? 'headers_too_large' : 'bad_request', tooLarge ? 'request headers exceed 16 KB' : 'malformed HTTP request'),
    );
    socket.end(
      `HTTP/1.1 ${status}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
  await new Promise<void>((resolve) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') fail(`port ${config.port} is already in use; stop the other process or set PORT`);
      if (err.code === 'EACCES') fail(`no permission to listen on port ${config.port}; set PORT to 1024 or above`);
      fail(`cannot listen on ${config.host}:${config.port}: ${err.message}`);
    });
    server.listen(config.port, config.host, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  const where = config.databaseUrl ? `PostgreSQL at ${describeUrl(config.databaseUrl)}` : `embedded PGlite in ${config.dataDir}`;
  logger.info({ port, db: where }, 'opening database');

  let db: Db;
  let readDb: Db | null;
  try {
    db = await openDatabase(config);
    readDb = await openReadDatabase(config);
    await seedDemoIfWanted({ db, clock: systemClock, logger }, config);
  } catch (err) {
    if (err instanceof StartupError) fail(err.message);
    throw err;
  }

  const blobs = localBlobStore(config.photoDir);
  handle = buildApp({ db, ...(readDb ? { readDb } : {}), blobs, config, logger, clock: systemClock, version }).fetch;
  if (readDb) logger.info({ replica: describeUrl(config.databaseReadUrl!, 'DATABASE_READ_URL') }, 'lists, map and statistics read from the replica');
  logger.info({ url: `http://localhost:${port}`, db: db.driver, version }, 'XunCha is serving');
  // Files left by a crash between storing a photo and committing its case; off the start-up path.
  sweepOrphanPhotos({ db, blobs, clock: systemClock, logger })
    .then(() => removeStaleTempFiles(config.photoDir, new Date(Date.now() - 10 * 60_000)))
    .catch((err: unknown) => logger.error({ err }, 'orphan photo sweep failed'));
  // The statistics rollup counts local days in TZ: rebuilt here after a change; stats read the cases meanwhile.
  syncStatsRollupTimeZone(db, config.timeZone)
    .then((rebuilt) => rebuilt && logger.info({ timeZone: config.timeZone }, 'statistics rollup rebuilt for the time zone'))
    .catch((err: unknown) => logger.error({ err }, 'statistics rollup time-zone sync failed'));
  const stopOverdueWatcher = startOverdueWatcher({ db, clock: systemClock, logger });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    // Live streams never finish by themselves: end them (clients reconnect elsewhere) so close() can.
    endLiveStreams(db);
    const force = setTimeout(() => {
      logger.warn('grace period over; closing remaining connections');
      server.closeAllConnections();
    }, config.shutdownGraceSeconds * 1000);
    force.unref();
    server.close(async () => {
      await stopOverdueWatcher();
      await readDb?.close();
      await db.close();
      logger.info('stopped');
      process.exit(0);
    });
    // Keep-alive connections with no request in flight would hold close() open.
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`xuncha: start-up failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
