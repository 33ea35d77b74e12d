/**
 * The kinds of activity entry and their words on the page. Plain (no server code): the
 * activity page's client components import it as well as the recorders.
 */
export const ACTIVITY_KINDS = [
  "sign_in",
  "sign_in_failed",
  "launch",
  "budget_refused",
  "token_created",
  "token_revoked",
  "user_added",
  "user_changed",
  "user_removed",
  "role_changed",
  "budget_changed",
  "output_downloaded",
  "share_link_created",
  "share_link_revoked",
  "share_link_opened",
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** A Record over every kind: adding a kind without its words fails to compile. */
export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  sign_in: "Signed in",
  sign_in_failed: "Failed sign-in",
  launch: "Launch",
  budget_refused: "Launch refused by a budget",
  token_created: "Token created",
  token_revoked: "Token revoked",
  user_added: "User added",
  user_changed: "User changed",
  user_removed: "User removed",
  role_changed: "Role changed",
  budget_changed: "Budget changed",
  output_downloaded: "Output downloaded",
  share_link_created: "Public link made",
  share_link_revoked: "Public link revoked",
  share_link_opened: "Public link opened",
};

export function isActivityKind(value: string): value is ActivityKind {
  return (ACTIVITY_KINDS as readonly string[]).includes(value);
}

/** The words for a kind; an entry of a kind this build no longer knows shows its raw name. */
export const activityKindLabel = (kind: string) => (isActivityKind(kind) ? ACTIVITY_KIND_LABELS[kind] : kind);
