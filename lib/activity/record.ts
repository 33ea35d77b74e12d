import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { ActivityKind } from "@/lib/activity/kinds";
import type { Database } from "@/lib/db/schema";

export { ACTIVITY_KINDS, type ActivityKind } from "@/lib/activity/kinds";

export interface ActivityInput {
  kind: ActivityKind;
  /** Who did it; null when nobody is known (a failed sign-in, the users command). */
  actor: { id: string | null; email: string | null } | null;
  /** What it was done to: a user's email, a run id, a token prefix… */
  subject?: string | null;
  /** The kind's own facts, kept as JSON. */
  detail?: Record<string, unknown>;
}

/**
 * Appends one entry to the activity log. The log is append-only: nothing in the app
 * updates or deletes an entry (only the retention prune removes old ones).
 */
export async function recordActivity(db: Kysely<Database>, input: ActivityInput, now = Date.now()): Promise<void> {
  await db
    .insertInto("activity")
    .values({
      id: randomUUID(),
      at: now,
      kind: input.kind,
      actor_id: input.actor?.id ?? null,
      actor_email: input.actor?.email ?? null,
      subject: input.subject ?? null,
      detail_json: input.detail ? JSON.stringify(input.detail) : null,
    })
    .execute();
}
