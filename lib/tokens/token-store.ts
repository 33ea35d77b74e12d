import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { z } from "zod";
import { hasRole } from "@/lib/auth/roles";
import type { ApiToken, Database, Role, User } from "@/lib/db/schema";
import { tokenChanges } from "@/lib/tokens/token-changes";
import { generateToken } from "@/lib/tokens/token-format";
import { TokenError } from "@/lib/tokens/token-error";
import { expiresAtFor, LAST_USED_EVERY_MS, MAX_EXPIRY_DAYS } from "@/lib/tokens/token-rules";

type Db = Kysely<Database>;

export const tokenNameSchema = z.string().trim().min(1, "is required").max(80, "must be at most 80 characters");
export const expiryDaysSchema = z.number().int().min(1).max(MAX_EXPIRY_DAYS).nullable();

export interface NewTokenInput {
  owner: User;
  name: string;
  /** Defaults to the owner's role; never above it. */
  role?: Role;
  expiresInDays: number | null;
}

export async function createToken(db: Db, input: NewTokenInput, now = Date.now()): Promise<{ token: string; row: ApiToken }> {
  const name = tokenNameSchema.safeParse(input.name);
  if (!name.success) throw new TokenError("invalid_input", `Token name ${name.error.issues[0]!.message}.`, "name");
  const days = expiryDaysSchema.safeParse(input.expiresInDays);
  if (!days.success) throw new TokenError("invalid_input", `The expiry must be a whole number of days from 1 to ${MAX_EXPIRY_DAYS}, or none.`, "expires_in_days");
  const role = input.role ?? input.owner.role;
  if (!hasRole(input.owner.role, role)) {
    throw new TokenError("role_too_high", `A token cannot have a higher role than its owner (${input.owner.role}).`, "role");
  }
  if (input.owner.disabled_at !== null) throw new TokenError("owner_disabled", `${input.owner.email} is disabled and cannot have new tokens.`);
  const parts = generateToken();
  const row: ApiToken = {
    id: randomUUID(),
    user_id: input.owner.id,
    name: name.data,
    prefix: parts.prefix,
    secret_hash: parts.secretHash,
    role,
    created_at: now,
    expires_at: expiresAtFor(days.data, now),
    last_used_at: null,
    revoked_at: null,
  };
  await db.insertInto("api_tokens").values(row).execute();
  return { token: parts.token, row };
}

export function findTokenByPrefix(db: Db, prefix: string): Promise<ApiToken | undefined> {
  return db.selectFrom("api_tokens").selectAll().where("prefix", "=", prefix).executeTakeFirst();
}

export function findTokenById(db: Db, id: string): Promise<ApiToken | undefined> {
  return db.selectFrom("api_tokens").selectAll().where("id", "=", id).executeTakeFirst();
}

export type ListedToken = ApiToken & { owner_email: string };

/** Newest first; one owner's, or everyone's (for admins) when no owner is given. */
export function listTokens(db: Db, ownerId?: string): Promise<ListedToken[]> {
  let query = db
    .selectFrom("api_tokens")
    .innerJoin("users", "users.id", "api_tokens.user_id")
    .selectAll("api_tokens")
    .select("users.email as owner_email")
    .orderBy("api_tokens.created_at", "desc")
    .orderBy("api_tokens.id");
  if (ownerId !== undefined) query = query.where("api_tokens.user_id", "=", ownerId);
  return query.execute();
}

/**
 * Revokes a token for good. Revoking one already revoked changes nothing and says so
 * (`changed: false`), so a repeated click or command does not log a second revocation.
 */
export async function revokeToken(db: Db, id: string, now = Date.now()): Promise<{ row: ApiToken; changed: boolean }> {
  const result = await db.updateTable("api_tokens").set({ revoked_at: now }).where("id", "=", id).where("revoked_at", "is", null).executeTakeFirst();
  const row = await findTokenById(db, id);
  if (!row) throw new TokenError("not_found", "No such token.");
  // Refused from the next request: forgotten here, and by every instance through Redis.
  await tokenChanges.announce(row.prefix);
  return { row, changed: Number(result.numUpdatedRows) > 0 };
}

/**
 * Records that the token was used, at most once a minute: the condition is in the UPDATE,
 * so concurrent requests from one script write it once. True when this call wrote it.
 */
export async function touchLastUsed(db: Db, id: string, now = Date.now()): Promise<boolean> {
  const result = await db
    .updateTable("api_tokens")
    .set({ last_used_at: now })
    .where("id", "=", id)
    .where((eb) => eb.or([eb("last_used_at", "is", null), eb("last_used_at", "<=", now - LAST_USED_EVERY_MS)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
