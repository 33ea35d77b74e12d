import type { Kysely } from "kysely";
import { recordActivity } from "@/lib/activity/record";
import type { Database, SharedLink } from "@/lib/db/schema";

/**
 * The activity log's entries for public links, with the link's prefix as their subject
 * (never the token). An open has no actor, and records nothing personal about who opened
 * it: no address and no hash of one (an unsalted hash of an IPv4 address is reversed in
 * seconds). The per-address rate limit, not the log, is what answers abuse.
 */
const subjectFacts = (link: SharedLink) =>
  link.subject_kind === "collection" ? { collection_id: link.collection_id } : { run_id: link.run_id, ...(link.technique_id && { technique_id: link.technique_id }) };

export function recordLinkMade(db: Kysely<Database>, actor: { id: string; email: string }, link: SharedLink, now = Date.now()) {
  return recordActivity(
    db,
    { kind: "share_link_created", actor, subject: link.prefix, detail: { ...subjectFacts(link), expires_at: link.expires_at, show_prompt: link.show_prompt === 1 } },
    now,
  );
}

export function recordLinkRevoked(db: Kysely<Database>, actor: { id: string; email: string }, link: SharedLink, now = Date.now()) {
  return recordActivity(db, { kind: "share_link_revoked", actor, subject: link.prefix, detail: { ...subjectFacts(link), created_by: link.created_by_email } }, now);
}

export function recordLinkOpened(db: Kysely<Database>, link: SharedLink, now = Date.now()) {
  return recordActivity(db, { kind: "share_link_opened", actor: null, subject: link.prefix, detail: { ...subjectFacts(link), created_by: link.created_by_email } }, now);
}
