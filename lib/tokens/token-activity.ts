import type { Kysely } from "kysely";
import { recordActivity } from "@/lib/activity/record";
import type { ApiToken, Database } from "@/lib/db/schema";

/**
 * Logs a token's creation or revocation. `actor` is who did it: the signed-in teammate on
 * the page, or null for the users command (run by whoever holds the server's shell).
 */
export function recordTokenActivity(
  db: Kysely<Database>,
  kind: "token_created" | "token_revoked",
  actor: { id: string; email: string } | null,
  token: ApiToken,
  ownerEmail: string,
  now = Date.now(),
) {
  return recordActivity(
    db,
    {
      kind,
      actor,
      subject: token.prefix,
      detail: { name: token.name, owner: ownerEmail, role: token.role, expires_at: token.expires_at, via: actor === null ? "users_command" : "account" },
    },
    now,
  );
}
