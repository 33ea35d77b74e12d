import type { Kysely } from "kysely";
import { recordActivity } from "@/lib/activity/record";
import type { ActivityKind } from "@/lib/activity/kinds";
import type { Database, User } from "@/lib/db/schema";

/**
 * Who made a change to a user, for the activity log. The users rules (lib/users/users.ts)
 * take it as their last argument and record the change in the same transaction as the
 * change itself; without it they record nothing (the demo admin's set-up at server start,
 * the benchmarks). Plain module: the users command runs it under plain Node.
 */
export interface ChangedBy {
  /** The signed-in person; null for the users command (whoever ran it on the server). */
  actor: { id: string; email: string } | null;
  /** Where the change came from. */
  via: "admin_api" | "account" | "users_command" | "sign_in";
}

export const BY_USERS_COMMAND: ChangedBy = { actor: null, via: "users_command" };

export const byUser = (user: Pick<User, "id" | "email">, via: ChangedBy["via"]): ChangedBy => ({
  actor: { id: user.id, email: user.email },
  via,
});

/** What happened to a user that is not an add, a removal or a role change. */
export type UserChange = "disabled" | "enabled" | "password_changed" | "signed_out_everywhere";

export function recordUserChange(
  db: Kysely<Database>,
  by: ChangedBy,
  kind: Extract<ActivityKind, "user_added" | "user_changed" | "user_removed" | "role_changed">,
  subjectEmail: string,
  detail: Record<string, unknown>,
): Promise<void> {
  return recordActivity(db, { kind, actor: by.actor, subject: subjectEmail, detail: { ...detail, via: by.via } });
}
