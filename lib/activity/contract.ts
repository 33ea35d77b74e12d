/**
 * What GET /api/activity answers, as the browser reads it. Plain types only: the page's
 * client components import them.
 */
export interface ActivityEntryView {
  id: string;
  /** When, as ISO 8601 in UTC. */
  at: string;
  kind: string;
  /** Who did it; null when nobody is known (a failed sign-in, the users command). */
  actor: { id: string | null; email: string | null } | null;
  subject: string | null;
  detail: Record<string, unknown> | null;
}

export interface ActivityPage {
  entries: ActivityEntryView[];
  /** Pass back as `cursor` for the next (older) page; null at the end. */
  next_cursor: string | null;
}

/** Entries per page when the request does not say; at most ACTIVITY_MAX_LIMIT. */
export const ACTIVITY_DEFAULT_LIMIT = 50;
export const ACTIVITY_MAX_LIMIT = 100;
