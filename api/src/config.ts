// Every setting of the service: its environment variable, its default, and what it means.
// README's configuration table is written from this file; keep the two in step.
import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  /** TCP port of the HTTP server. */
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** Interface to listen on. */
  HOST: z.string().min(1).default('0.0.0.0'),
  /** PostgreSQL + PostGIS connection string. Unset: the embedded PGlite database under DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  /**
   * The owner's connection string, used only to migrate. Unset: DATABASE_URL migrates too, and the app
   * then serves as the role xuncha_app (SET ROLE) if DATABASE_URL logs in as an owner or superuser.
   */
  DATABASE_MIGRATION_URL: z.string().url().optional(),
  /** A read replica for map, list and statistics reads. Unset: reads go to DATABASE_URL (or the embedded database). */
  DATABASE_READ_URL: z.string().url().optional(),
  /** Connections in the pg pool (PostgreSQL only). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Where the embedded database and local photo storage live. */
  DATA_DIR: z.string().min(1).default('./data'),
  /** Load demo areas, users and cases: auto = on the embedded database's first run only. */
  SEED_DEMO: z.enum(['auto', 'true', 'false']).default('auto'),
  /** pino log level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Time zone that EXIF times and working days are read in. */
  TZ: z.string().min(1).default('Asia/Shanghai'),
  /** How long a login lasts without use, in hours (sliding). */
  SESSION_TTL_HOURS: z.coerce.number().positive().default(24 * 14),
  /** Mark the session cookie Secure (set true behind HTTPS). */
  COOKIE_SECURE: bool.default(false),
  /** Behind a reverse proxy: take the client address from X-Forwarded-For. */
  TRUST_PROXY: bool.default(false),
  /** Failed logins per user name or client address before answers are slowed down. */
  LOGIN_FREE_FAILURES: z.coerce.number().int().min(1).default(5),
  /** Base map tile URL template shown by the map UI. */
  TILE_URL: z.string().min(1).default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
  /** Attribution shown for the base map. */
  TILE_ATTRIBUTION: z.string().default('© OpenStreetMap contributors'),
  /** 天地图 Tianditu key; set it to offer Tianditu's vector base map (WGS-84, drawn as is). */
  TIANDITU_KEY: z.string().min(1).optional(),
  /** 高德 Amap tile URL template (GCJ-02; points are shifted for display only). Set to "off" to hide it. */
  AMAP_TILE_URL: z.string().min(1).default('https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}'),
  /** Where photos are stored; defaults to DATA_DIR/photos. */
  PHOTO_DIR: z.string().min(1).optional(),
  /** Largest accepted photo file, in megabytes. */
  PHOTO_MAX_MB: z.coerce.number().positive().max(200).default(20),
  /** Largest accepted photo, in megapixels (decompression bombs are refused before decoding). */
  PHOTO_MAX_MEGAPIXELS: z.coerce.number().positive().max(500).default(50),
  /** Most photos on one report. */
  PHOTO_MAX_FILES: z.coerce.number().int().min(1).max(50).default(9),
  /** Largest request carrying photos, in megabytes: far below files × file size, as a body is held in memory. */
  PHOTO_MAX_REQUEST_MB: z.coerce.number().positive().max(2000).default(40),
  /** Photo uploads one process handles at once; more are answered 503 with Retry-After. */
  PHOTO_MAX_CONCURRENT_UPLOADS: z.coerce.number().int().min(1).max(100).default(3),
  /** Longest the image work on one photo may take before the request fails with 503 image_timeout. */
  PHOTO_TIMEOUT_SECONDS: z.coerce.number().positive().max(3600).default(30),
  /** EXIF and device locations further apart than this flag the case `location_conflict`. */
  LOCATION_CONFLICT_M: z.coerce.number().positive().default(200),
  /** Photos taken longer ago than this flag the case `stale_photo`. */
  STALE_PHOTO_DAYS: z.coerce.number().positive().default(7),
  /** Open cases of the same category reported within this many days count as possible duplicates. */
  DUPLICATE_WINDOW_DAYS: z.coerce.number().positive().default(7),
  /** An inspector passing a recheck must be this close to the case, in metres. */
  RECHECK_RADIUS_M: z.coerce.number().positive().default(100),
  /** Seconds that in-flight requests get to finish after SIGTERM. */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().positive().default(10),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  databaseReadUrl: string | undefined;
  databaseMigrationUrl: string | undefined;
  databasePoolSize: number;
  dataDir: string;
  seedDemo: 'auto' | 'true' | 'false';
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  timeZone: string;
  sessionTtlHours: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  loginFreeFailures: number;
  tileUrl: string;
  tileAttribution: string;
  tiandituKey: string | undefined;
  /** Undefined when switched off. */
  amapTileUrl: string | undefined;
  shutdownGraceSeconds: number;
  photoDir: string;
  photoMaxBytes: number;
  photoMaxPixels: number;
  photoMaxFiles: number;
  photoMaxRequestBytes: number;
  photoMaxConcurrentUploads: number;
  photoTimeoutMs: number;
  locationConflictM: number;
  stalePhotoDays: number;
  duplicateWindowDays: number;
  recheckRadiusM: number;
};

/** Thrown for a bad setting; the entry point prints its message as one line. */
export class ConfigError extends Error {}

/** Reads the configuration from an environment (process.env by default). Empty strings count as unset. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join('.') ?? 'environment';
    // Connection strings may hold passwords: never echo them.
    const got = /URL|PASSWORD|SECRET/.test(name) ? '' : ` (got ${JSON.stringify(env[name])})`;
    throw new ConfigError(`invalid setting ${name}: ${issue?.message ?? 'bad value'}${got}`);
  }
  const e = parsed.data;
  if (e.DATABASE_READ_URL && !e.DATABASE_URL) {
    throw new ConfigError('invalid setting DATABASE_READ_URL: it needs DATABASE_URL (the embedded database has no replicas)');
  }
  if (e.DATABASE_MIGRATION_URL && !e.DATABASE_URL) {
    throw new ConfigError('invalid setting DATABASE_MIGRATION_URL: it needs DATABASE_URL (the embedded database has one user)');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databaseReadUrl: e.DATABASE_READ_URL,
    databaseMigrationUrl: e.DATABASE_MIGRATION_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    dataDir: path.resolve(e.DATA_DIR),
    seedDemo: e.SEED_DEMO,
    logLevel: e.LOG_LEVEL,
    timeZone: e.TZ,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    cookieSecure: e.COOKIE_SECURE,
    trustProxy: e.TRUST_PROXY,
    loginFreeFailures: e.LOGIN_FREE_FAILURES,
    tileUrl: e.TILE_URL,
    tileAttribution: e.TILE_ATTRIBUTION,
    tiandituKey: e.TIANDITU_KEY,
    amapTileUrl: e.AMAP_TILE_URL === 'off' ? undefined : e.AMAP_TILE_URL,
    shutdownGraceSeconds: e.SHUTDOWN_GRACE_SECONDS,
    photoDir: path.resolve(e.PHOTO_DIR ?? path.join(e.DATA_DIR, 'photos')),
    photoMaxBytes: Math.round(e.PHOTO_MAX_MB * 1024 * 1024),
    photoMaxPixels: Math.round(e.PHOTO_MAX_MEGAPIXELS * 1_000_000),
    photoMaxFiles: e.PHOTO_MAX_FILES,
    photoMaxRequestBytes: Math.round(e.PHOTO_MAX_REQUEST_MB * 1024 * 1024),
    photoMaxConcurrentUploads: e.PHOTO_MAX_CONCURRENT_UPLOADS,
    photoTimeoutMs: Math.round(e.PHOTO_TIMEOUT_SECONDS * 1000),
    locationConflictM: e.LOCATION_CONFLICT_M,
    stalePhotoDays: e.STALE_PHOTO_DAYS,
    duplicateWindowDays: e.DUPLICATE_WINDOW_DAYS,
    recheckRadiusM: e.RECHECK_RADIUS_M,
  };
}
