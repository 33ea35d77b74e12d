import type { ActivityEntryView } from "@/lib/activity/contract";
import { ROLE_LABELS, isRole } from "@/lib/auth/roles";
import { formatUsd } from "@/lib/money";

/**
 * An entry in words for the activity table: who did it, and its details. Pure, so the
 * page and its tests agree. Kinds recorded elsewhere (launches, budgets, tokens) are
 * described from their detail's own keys, so a new key shows up without a change here.
 */

const SIGN_IN_FAILURES: Record<string, string> = {
  invalid_input: "not a valid email or password",
  unknown_email: "no user has this email",
  no_password: "this user signs in through a provider",
  wrong_password: "wrong password",
  disabled: "the user is disabled",
  demo_outside_demo: "the demo admin outside demo mode",
  not_admitted: "not admitted (allowlist, disabled user or unverified email)",
};

const USER_CHANGES: Record<string, string> = {
  disabled: "Disabled",
  enabled: "Enabled",
  password_changed: "Password changed",
  signed_out_everywhere: "Signed out everywhere",
};

const VIA: Record<string, string> = {
  users_command: "the users command",
  "users command": "the users command",
  sign_in: "at their first sign-in",
};

const text = (value: unknown) => (typeof value === "string" ? value : value === undefined || value === null ? "" : JSON.stringify(value));
const roleWords = (value: unknown) => (typeof value === "string" && isRole(value) ? ROLE_LABELS[value] : text(value));
const methodWords = (value: unknown) => (value === "password" ? "email and password" : text(value) || "unknown method");

/** Who did it: the person's email, else what did it (the users command), else "Unknown". */
export function describeActor(entry: ActivityEntryView): string {
  if (entry.actor?.email) return entry.actor.email;
  // Public links are opened by people outside the team; nothing personal is recorded of them.
  if (entry.kind === "share_link_opened") return "Someone with the link";
  const via = VIA[text(entry.detail?.via)];
  if (via) return via === VIA.users_command ? "Users command" : "Newcomer (OAuth)";
  return "Unknown";
}

/** A value of a detail key, money as dollars. */
function valueWords(key: string, value: unknown): string {
  if (key.endsWith("_usd") && typeof value === "number") return formatUsd(value);
  if (value === null) return "—";
  return text(value);
}

function genericDetail(detail: Record<string, unknown>): string {
  return Object.entries(detail)
    .filter(([key]) => key !== "via")
    // "estimate_usd" reads "estimate: $0.32": the dollar sign says the unit.
    .map(([key, value]) => `${key.replace(/_usd$/, "").replaceAll("_", " ")}: ${valueWords(key, value)}`)
    .join(" · ");
}

export function describeDetail(entry: ActivityEntryView): string {
  const detail = entry.detail ?? {};
  const address = detail.address ? ` from ${text(detail.address)}` : "";
  switch (entry.kind) {
    case "sign_in":
      return `With ${methodWords(detail.method)}${address}`;
    case "sign_in_failed":
      return `${SIGN_IN_FAILURES[text(detail.reason)] ?? (text(detail.reason) || "refused")}, with ${methodWords(detail.method)}${address}`;
    case "role_changed":
      return `${roleWords(detail.from)} → ${roleWords(detail.to)}`;
    case "user_added":
      return `As ${roleWords(detail.role)}${detail.via === "sign_in" ? ", at their first sign-in" : ""}`;
    case "user_removed":
      return `Was ${roleWords(detail.role)}`;
    case "user_changed":
      return USER_CHANGES[text(detail.change)] ?? text(detail.change);
    case "output_downloaded":
      return `${detail.output_id ? `Output ${text(detail.output_id)}` : "Every output, as a zip"}${detail.technique_id ? ` of technique ${text(detail.technique_id)}` : ""}`;
    default:
      return genericDetail(detail);
  }
}
