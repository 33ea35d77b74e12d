import type { SharedLink } from "@/lib/db/schema";

/**
 * What the browser may know about public links: the expiries offered, a link's status and
 * its public view (never the hash). Free of Node modules so client components import it.
 */
export const LINK_EXPIRY_DAYS = [1, 7, 30] as const;
export type LinkExpiryDays = (typeof LINK_EXPIRY_DAYS)[number];
const DAY_MS = 24 * 60 * 60 * 1000;

/** An open is counted (and logged) at most once a minute per link: a refresh loop is one open. */
export const OPEN_COUNTED_EVERY_MS = 60_000;

export const linkExpiresAt = (days: LinkExpiryDays, now: number) => now + days * DAY_MS;

export type LinkStatus = "active" | "expired" | "revoked";

/** Revoked wins over expired: the owner's act is the more useful answer in a list. */
export function linkStatus(link: Pick<SharedLink, "revoked_at" | "expires_at">, now: number): LinkStatus {
  if (link.revoked_at !== null) return "revoked";
  if (link.expires_at <= now) return "expired";
  return "active";
}

export interface PublicLinkView {
  id: string;
  prefix: string;
  subject: { kind: "run"; run_id: string; technique_id: string | null } | { kind: "collection"; collection_id: string };
  show_prompt: boolean;
  created_by_email: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
  opened_at: number | null;
  open_count: number;
  status: LinkStatus;
}

export function publicLinkView(link: SharedLink, now = Date.now()): PublicLinkView {
  return {
    id: link.id,
    prefix: link.prefix,
    subject:
      link.subject_kind === "collection"
        ? { kind: "collection", collection_id: link.collection_id ?? "" }
        : { kind: "run", run_id: link.run_id ?? "", technique_id: link.technique_id },
    show_prompt: link.show_prompt === 1,
    created_by_email: link.created_by_email,
    created_at: link.created_at,
    expires_at: link.expires_at,
    revoked_at: link.revoked_at,
    opened_at: link.opened_at,
    open_count: link.open_count,
    status: linkStatus(link, now),
  };
}
