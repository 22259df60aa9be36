// Builds the Hono app: middleware order, one route group per feature, one error handler.
import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { compress } from 'hono/compress';
import type { Logger } from 'pino';
import type { Config } from './config';
import type { Db, Queryable } from './db/db';
import { adminRoutes } from './features/admin/admin.routes';
import { areasRoutes } from './features/areas/areas.routes';
import { authRoutes } from './features/auth/auth.routes';
import { addReportRoutes } from './features/cases/add-report.routes';
import { casesRoutes } from './features/cases/cases.routes';
import { workflowRoutes } from './features/cases/workflow.routes';
import { loadWorkCalendar } from './features/admin/work-calendar.repo';
import { categoriesRoutes } from './features/categories/categories.routes';
import { healthRoutes } from './features/health/health.routes';
import { liveRoutes } from './features/live/live.routes';
import { lookupsRoutes } from './features/lookups/lookups.routes';
import { mapRoutes } from './features/map/clusters.routes';
import { inboxRoutes } from './features/notifications/inbox.routes';
import { notifyForEvent } from './features/notifications/outbox';
import { photosRoutes } from './features/photos/photos.routes';
import { statsRoutes } from './features/stats/stats.routes';
import { baseMaps } from './features/ui-config/base-maps';
import { uiConfigRoutes } from './features/ui-config/ui-config.routes';
import type { AppEnv } from './http/env';
import { ApiError, errorHandler } from './http/errors';
import { csrfGuard } from './http/csrf';
import { nulGuard } from './http/nul-guard';
import { requestLogger } from './http/request-logger';
import { securityHeaders } from './http/security-headers';
import { createRouter } from './http/router';
import { sessionMiddleware } from './http/session';
import type { Clock } from './lib/clock';
import type { BlobStore } from './photos/blob-store';

export type AppDeps = {
  db: Db;
  /** A read replica for reads that tolerate a little lag (lists, statistics, areas); defaults to `db`. */
  readDb?: Db;
  blobs: BlobStore;
  config: Config;
  logger: Logger;
  clock: Clock;
  version: string;
  /** The built map-ui; defaults to map-ui/dist. */
  uiDir?: string;
};

const DEFAULT_UI_DIR = path.resolve(import.meta.dirname, '../../map-ui/dist');
const API_PREFIXES = ['/api/', '/photos/', '/open311/'];

export function buildApp(deps: AppDeps) {
  const { db, blobs, config, logger, clock } = deps;
  const readDb = deps.readDb ?? db;
  const authDeps = {
    db,
    clock,
    settings: {
      sessionTtlHours: config.sessionTtlHours,
      loginFreeFailures: config.loginFreeFailures,
      cookieSecure: config.cookieSecure,
      trustProxy: config.trustProxy,
    },
  };

  const app = createRouter();
  app.onError(errorHandler(logger));
  app.use(requestLogger(logger));
  // Headers first, so refusals below and errors carry them too.
  app.use(securityHeaders({ tileTemplates: baseMaps(config).flatMap((m) => m.layers), hsts: config.cookieSecure }));
  app.use(nulGuard());
  // Before anything reads a body: a forged request is refused unread.
  app.use(csrfGuard({ trustProxy: config.trustProxy }));
  app.use(compress());
  const session = sessionMiddleware(authDeps);
  app.use('/api/*', session);
  app.use('/photos/*', session);

  app.route('/', healthRoutes({ db, version: deps.version }));
  app.route('/api', authRoutes(authDeps));
  app.route('/api', areasRoutes({ db: readDb }));
  app.route('/api/admin', adminRoutes({ db, clock }));
  app.route('/api', categoriesRoutes({ db }));
  app.route('/api', lookupsRoutes({ db }));
  // Notifications are written in the same transaction as the event that calls for them.
  const onEvent = async (tx: Queryable, event: { id: number }) => {
    await notifyForEvent(tx, event);
  };
  app.route('/api', casesRoutes({ db, blobs, clock, settings: config, onEvent }));
  app.route('/api', addReportRoutes({ db, blobs, clock, settings: config, onEvent }));
  app.route(
    '/api',
    workflowRoutes({
      db,
      blobs,
      clock,
      settings: config,
      calendar: loadWorkCalendar,
      onEvent,
      readDb,
    }),
  );
  app.route('/api', liveRoutes({ db, logger }));
  app.route('/api', inboxRoutes({ db, clock }));
  app.route('/api', mapRoutes({ db: readDb, clock }));
  app.route('/api', statsRoutes({ db: readDb, clock, timeZone: config.timeZone }));
  app.route('/', photosRoutes({ db, blobs }));
  app.route(
    '/api',
    uiConfigRoutes({ version: deps.version, tileUrl: config.tileUrl, tileAttribution: config.tileAttribution, baseMaps: baseMaps(config) }),
  );

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: 'xc_session' });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: '巡查通 XunCha API',
      version: deps.version,
      description: 'River-patrol and fire-hazard inspection reporting. Errors are {"error": {"code", "message", "details"?}}.',
    },
  });

  mountUi(app, deps.uiDir ?? DEFAULT_UI_DIR);

  app.notFound((c) => {
    throw new ApiError(404, 'not_found', `no route for ${c.req.method} ${c.req.path}`);
  });
  return app;
}

/** Serves the built map-ui; any other GET outside the API gets index.html (client-side routes). */
function mountUi(app: ReturnType<typeof createRouter>, uiDir: string) {
  const index = path.join(uiDir, 'index.html');
  const isApi = (p: string) => API_PREFIXES.some((prefix) => p.startsWith(prefix));
  if (fs.existsSync(uiDir)) mountStatic(app, uiDir, isApi);
  app.get('*', async (c, next) => {
    if (isApi(c.req.path) || path.extname(c.req.path) !== '') return next();
    if (!fs.existsSync(index)) {
      return c.text('The map UI is not built. Run `npm run build:ui` (npm install does it).\n', 503);
    }
    c.header('Cache-Control', 'no-cache');
    return c.html(await fs.promises.readFile(index, 'utf8'));
  });
}

function mountStatic(app: ReturnType<typeof createRouter>, uiDir: string, isApi: (p: string) => boolean) {
  app.use(
    '/assets/*',
    serveStatic<AppEnv>({
      root: uiDir,
      // Vite puts a content hash in every asset name, so they never change.
      onFound: (_p, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable'),
    }),
  );
  const staticFiles = serveStatic<AppEnv>({ root: uiDir, index: 'index.html', onFound: (_p, c) => c.header('Cache-Control', 'no-cache') });
  app.use('*', async (c, next) => (isApi(c.req.path) ? next() : staticFiles(c, next)));
}
