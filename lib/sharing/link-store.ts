import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database, SharedLink, User } from "@/lib/db/schema";
import { linkExpiresAt, OPEN_COUNTED_EVERY_MS, type LinkExpiryDays } from "@/lib/sharing/link-rules";
import { generateLinkToken, linkTokenMatches, linkTokenPrefix } from "@/lib/sharing/link-token";

type Db = Kysely<Database>;

/** What a link shows: a run (a technique run with its technique), or a collection. */
export type LinkSubject = { kind: "run"; runId: string; techniqueId: string | null } | { kind: "collection"; collectionId: string };

export interface NewLinkInput {
  creator: Pick<User, "id" | "email">;
  subject: LinkSubject;
  expiresDays: LinkExpiryDays;
  showPrompt: boolean;
}

/** Stores a new link; the token is in the answer and nowhere else, ever. */
export async function insertLink(db: Db, input: NewLinkInput, now = Date.now()): Promise<{ token: string; row: SharedLink }> {
  const parts = generateLinkToken();
  const row: SharedLink = {
    id: randomUUID(),
    secret_hash: parts.secretHash,
    prefix: parts.prefix,
    subject_kind: input.subject.kind,
    run_id: input.subject.kind === "run" ? input.subject.runId : null,
    technique_id: input.subject.kind === "run" ? input.subject.techniqueId : null,
    collection_id: input.subject.kind === "collection" ? input.subject.collectionId : null,
    show_prompt: input.showPrompt ? 1 : 0,
    created_by: input.creator.id,
    created_by_email: input.creator.email,
    created_at: now,
    expires_at: linkExpiresAt(input.expiresDays, now),
    revoked_at: null,
    opened_at: null,
    open_count: 0,
  };
  await db.insertInto("shared_links").values(row).execute();
  return { token: parts.token, row };
}

export function findLinkById(db: Db, id: string): Promise<SharedLink | undefined> {
  return db.selectFrom("shared_links").selectAll().where("id", "=", id).executeTakeFirst();
}

/**
 * The link a presented token belongs to, read from the store on every call: nothing is
 * cached, so a revocation holds from the very next open on every instance. Rows are found
 * by the public prefix and the hash compared in constant time; a value not shaped like a
 * token is not looked up at all.
 */
export async function findLinkByToken(db: Db, token: string): Promise<SharedLink | undefined> {
  const prefix = linkTokenPrefix(token);
  if (!prefix) return undefined;
  const candidates = await db.selectFrom("shared_links").selectAll().where("prefix", "=", prefix).execute();
  return candidates.find((row) => linkTokenMatches(token, row.secret_hash));
}

/** Newest first; one creator's, or everyone's when no creator is given. */
export function listLinks(db: Db, creatorId?: string): Promise<SharedLink[]> {
  let query = db.selectFrom("shared_links").selectAll().orderBy("created_at", "desc").orderBy("id");
  if (creatorId !== undefined) query = query.where("created_by", "=", creatorId);
  return query.execute();
}

/** Revokes for good; revoking again changes nothing and says so, so it is logged once. */
export async function revokeLink(db: Db, id: string, now = Date.now()): Promise<{ row: SharedLink | undefined; changed: boolean }> {
  const result = await db.updateTable("shared_links").set({ revoked_at: now }).where("id", "=", id).where("revoked_at", "is", null).executeTakeFirst();
  return { row: await findLinkById(db, id), changed: Number(result.numUpdatedRows) > 0 };
}

/**
 * Counts an open, at most once a minute per link: the condition is in the UPDATE, so a
 * refresh loop or two instances at once write it once. True when this call counted it
 * (and so should log it).
 */
export async function countOpen(db: Db, id: string, now = Date.now()): Promise<boolean> {
  const result = await db
    .updateTable("shared_links")
    .set((eb) => ({ opened_at: now, open_count: eb("open_count", "+", 1) }))
    .where("id", "=", id)
    .where((eb) => eb.or([eb("opened_at", "is", null), eb("opened_at", "<=", now - OPEN_COUNTED_EVERY_MS)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
