// Test projects, one per execution context (mirrors src/). tests/run.mjs picks which to run.
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// The server, security and faults suites run once per backend (tests/run.mjs sets
// PATROL_TEST_BACKEND). A file about one backend's own machinery runs only on that one:
const SQLITE_ONLY = [
  // upgrades of SQLite files written by earlier versions (user_version 0…7)
  'tests/server/migrations.test.ts',
  'tests/server/roundsMigration.test.ts',
  // the SQLite file's own durability settings (WAL, synchronous=FULL) and its size on disk
  'tests/server/storage.test.ts',
  // the tar backup of DATA_DIR; PostgreSQL is backed up with pg_dump (tests/server/postgres/pgBackup.test.ts)
  'tests/server/backup.test.ts',
];
const POSTGRES_ONLY = [
  // commit order, partitions, schema versions and several processes on one PostgreSQL database
  'tests/server/postgres/**/*.test.ts',
];
const onPostgres = process.env.PATROL_TEST_BACKEND === 'postgres';
const backendExclude = onPostgres ? SQLITE_ONLY : POSTGRES_ONLY;

export default defineConfig({
  root,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  define: { __APP_VERSION__: JSON.stringify('test') },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/shared/**/*.test.ts', 'tests/app/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: { name: 'server', include: ['tests/server/**/*.test.ts'], exclude: backendExclude, testTimeout: 20_000 },
      },
      {
        extends: true,
        test: { name: 'security', include: ['tests/security/**/*.test.ts'], testTimeout: 30_000 },
      },
      {
        extends: true,
        test: {
          name: 'faults',
          include: ['tests/faults/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          globalSetup: ['tests/e2e/helpers/globalSetup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // One browser and one server at a time: the machine has 2 cores.
          fileParallelism: false,
          globalSetup: ['tests/e2e/helpers/globalSetup.ts'],
        },
      },
    ],
  },
});
