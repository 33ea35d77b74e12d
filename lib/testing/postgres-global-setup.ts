import { startPostgres, type PostgresCluster } from "@/lib/testing/postgres";
import { setTestPostgresUrl, testPostgresUrl, wantsTestPostgres } from "@/lib/testing/postgres-env";
import { createTemplate } from "@/lib/testing/postgres-stores";

/**
 * Vitest global setup. With TEST_POSTGRES=1: one throwaway Postgres for the whole run,
 * started before any test file and stopped after the last, and the migrated template every
 * test store is copied from. With TEST_POSTGRES_URL (a server you run): only the template.
 * The test processes are forked after this runs, so they inherit TEST_POSTGRES_URL.
 * With neither, it does nothing and the stores are SQLite.
 */
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  let cluster: PostgresCluster | undefined;
  if (wantsTestPostgres() && !testPostgresUrl()) {
    cluster = await startPostgres();
    setTestPostgresUrl(cluster.url);
  }
  const url = testPostgresUrl();
  if (!url) return undefined;
  try {
    await createTemplate(url);
  } catch (error) {
    await cluster?.stop();
    throw error;
  }
  return async () => {
    if (!cluster) return;
    setTestPostgresUrl(undefined);
    await cluster.stop();
  };
}
