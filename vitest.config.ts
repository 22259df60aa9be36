// One suite, two databases: embedded PGlite by default, PostgreSQL + PostGIS when DATABASE_URL is set.
// The global setup prepares one migrated template; each test file starts from a copy of it.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['api/src/**/*.test.ts', 'tests/**/*.test.ts', 'map-ui/src/**/*.test.ts'],
    globalSetup: ['tests/setup/global-db.ts'],
    // Browser tests on a loaded 2-core CI machine can take several times their usual few seconds.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file opens its own database copy; two at a time suits a 2-core machine.
    maxWorkers: 2,
    env: { TZ: 'Asia/Shanghai' },
  },
});
