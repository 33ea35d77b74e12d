import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { getStore } from "@/lib/db/store";
import { getEnv } from "@/lib/env";

/** The server's store (DATABASE_URL), migrated; see lib/db/store.ts. */
export function getDb(): Promise<Kysely<Database>> {
  return getStore(getEnv().DATABASE_URL);
}
