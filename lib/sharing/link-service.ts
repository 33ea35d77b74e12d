import type { Kysely } from "kysely";
import { canLaunch, canManageUsers } from "@/lib/auth/roles";
import type { Database, SharedLink, User } from "@/lib/db/schema";
import { recordLinkMade, recordLinkOpened, recordLinkRevoked } from "@/lib/sharing/link-activity";
import { linkStatus, publicLinkView, type LinkExpiryDays, type PublicLinkView } from "@/lib/sharing/link-rules";
import { countOpen, findLinkById, findLinkByToken, insertLink, listLinks, revokeLink, type LinkSubject } from "@/lib/sharing/link-store";
import { linkPath } from "@/lib/sharing/link-token";
import { ShareError } from "@/lib/sharing/share-error";

/**
 * Public links as the signed-in teammate may handle them, and as an outsider's token opens
 * them. The store is passed in, so tests run against a fresh one. Checking that the
 * subject exists (a run upstream, a collection in the store) is the caller's job, before
 * calling createLinkAs: nothing is stored for a subject that is not there.
 */

type Db = Kysely<Database>;

export interface CreatedLink {
  id: string;
  /** `/s/{token}`: the only time the token is shown. */
  path: string;
  expires_at: number;
}

/** Members and admins make links; a viewer may see runs but not publish them. */
export async function createLinkAs(
  db: Db,
  user: User,
  input: { subject: LinkSubject; expiresDays: LinkExpiryDays; showPrompt?: boolean },
  now = Date.now(),
): Promise<CreatedLink> {
  if (!canLaunch(user.role)) throw new ShareError("forbidden", "Only members and admins can make public links.");
  const { token, row } = await insertLink(db, { creator: user, subject: input.subject, expiresDays: input.expiresDays, showPrompt: input.showPrompt ?? false }, now);
  await recordLinkMade(db, user, row, now);
  return { id: row.id, path: linkPath(token), expires_at: row.expires_at };
}

/** One's own links; with `all`, an admin sees everyone's (anyone else asking for all is refused). */
export async function linksVisibleTo(db: Db, user: User, all: boolean, now = Date.now()): Promise<PublicLinkView[]> {
  if (all && !canManageUsers(user.role)) throw new ShareError("forbidden", "Only admins can list everyone's public links.");
  return (await listLinks(db, all ? undefined : user.id)).map((row) => publicLinkView(row, now));
}

/** Creators revoke their own, admins anyone's. Another's link is 403, not 404: admins list them, ids are not secret. */
export async function revokeLinkAs(db: Db, user: User, id: string, now = Date.now()): Promise<PublicLinkView> {
  const link = await findLinkById(db, id);
  if (!link) throw new ShareError("not_found", "No such public link.");
  if (link.created_by !== user.id && !canManageUsers(user.role)) throw new ShareError("forbidden", "Only its creator or an admin can revoke this link.");
  const { row, changed } = await revokeLink(db, id, now);
  if (changed && row) await recordLinkRevoked(db, user, row, now);
  return publicLinkView(row ?? link, now);
}

/** Why a token opens nothing: unknown is a 404; revoked or expired is a 410 (it existed, and never will again). */
export type DeadReason = "unknown" | "revoked" | "expired";
export type Resolution = { live: true; link: SharedLink } | { live: false; reason: DeadReason };

export const DEAD_STATUS: Record<DeadReason, 404 | 410> = { unknown: 404, revoked: 410, expired: 410 };

/** The link a token opens, read fresh from the store every time (no cache to invalidate on revoke). */
export async function resolveLink(db: Db, token: string, now = Date.now()): Promise<Resolution> {
  const link = await findLinkByToken(db, token);
  if (!link) return { live: false, reason: "unknown" };
  const status = linkStatus(link, now);
  return status === "active" ? { live: true, link } : { live: false, reason: status };
}

/** Counts an open of the page (not of each media file) and logs it, at most once a minute per link. */
export async function noteOpened(db: Db, link: SharedLink, now = Date.now()): Promise<boolean> {
  const counted = await countOpen(db, link.id, now);
  if (counted) await recordLinkOpened(db, link, now);
  return counted;
}
