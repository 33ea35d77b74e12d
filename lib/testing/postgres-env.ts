/**
 * The variables that put the unit suite on Postgres, read and written only here. Test
 * harness, not the app: it reads the environment itself, as scripts and tests do.
 *
 * TEST_POSTGRES=1 makes the vitest global setup (lib/testing/postgres-global-setup.ts) start
 * a throwaway cluster and set TEST_POSTGRES_URL for the test processes; memoryDatabase()
 * then makes each store there. TEST_POSTGRES_URL set by hand points the suite at a server
 * you run instead (each store is a new database on it, copied from `atelier_template`, and
 * dropped when the test destroys it).
 */
/* eslint-disable no-restricted-properties -- the test harness's own switch, see above */

export const TEST_POSTGRES = "TEST_POSTGRES";
export const TEST_POSTGRES_URL = "TEST_POSTGRES_URL";

/** Whether TEST_POSTGRES=1 asks for a throwaway cluster. */
export const wantsTestPostgres = (): boolean => process.env[TEST_POSTGRES] === "1";

/** The server this test process makes its stores on, if the suite runs on Postgres. */
export const testPostgresUrl = (): string | undefined => process.env[TEST_POSTGRES_URL] || undefined;

export function setTestPostgresUrl(url: string | undefined): void {
  if (url === undefined) delete process.env[TEST_POSTGRES_URL];
  else process.env[TEST_POSTGRES_URL] = url;
}

/** Whether this test process runs its stores on Postgres (for tests of one store only). */
export const onPostgres = (): boolean => testPostgresUrl() !== undefined;

/** The environment for a child process that runs the unit suite on Postgres. */
export const withTestPostgres = (): NodeJS.ProcessEnv => ({ ...process.env, [TEST_POSTGRES]: "1" });
