import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('runs with no configuration at all: port 8080, embedded database under ./data', () => {
    const c = loadConfig({});
    expect(c.port).toBe(8080);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toBe(`${process.cwd()}/data`);
    expect(c.seedDemo).toBe('auto');
    expect(c.timeZone).toBe('Asia/Shanghai');
  });

  it('reads settings and treats empty strings as unset', () => {
    const c = loadConfig({ PORT: '9000', DATABASE_URL: '', COOKIE_SECURE: 'true', DATA_DIR: '/var/lib/xuncha' });
    expect(c).toMatchObject({ port: 9000, databaseUrl: undefined, cookieSecure: true, dataDir: '/var/lib/xuncha' });
  });

  it('names the bad setting', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/invalid setting PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(/invalid setting DATABASE_URL/);
    expect(() => loadConfig({ SEED_DEMO: 'maybe' })).toThrow(/invalid setting SEED_DEMO/);
  });

  it('takes a read replica only beside a primary server, and base maps from their settings', () => {
    expect(() => loadConfig({ DATABASE_READ_URL: 'postgres://replica/x' })).toThrow(/invalid setting DATABASE_READ_URL: it needs DATABASE_URL/);
    const c = loadConfig({ DATABASE_URL: 'postgres://primary/x', DATABASE_READ_URL: 'postgres://replica/x', TIANDITU_KEY: 'k', AMAP_TILE_URL: 'off' });
    expect(c).toMatchObject({ databaseReadUrl: 'postgres://replica/x', tiandituKey: 'k', amapTileUrl: undefined });
    expect(loadConfig({}).amapTileUrl).toMatch(/autonavi/);
  });
});

describe('loadConfig secrets', () => {
  it('never echoes a connection string, which may hold a password', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres//user:hunter2@db' })).toThrow(/^invalid setting DATABASE_URL: [^"]*$/);
  });
});
