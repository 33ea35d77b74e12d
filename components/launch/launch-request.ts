import { DashboardApiError } from "@/lib/queries/fetch-json";

/** A fresh key per submission; getRandomValues works outside secure contexts too (plain-http LANs). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `atl-form-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("")}`;
}

/** What the teammate reads when a launch fails; the form keeps its contents in every case. */
export function launchFailureMessage(failure: DashboardApiError): string {
  const retryAfter = failure.retryAfterMs ? Math.round(failure.retryAfterMs / 1000) : null;
  switch (failure.code) {
    case "insufficient_credits":
      return "The team's FLORA credits have run out, so nothing was launched. An admin can top them up in FLORA; your form is kept.";
    case "rate_limited":
      return `FLORA is rate limiting the team's key. Try again${retryAfter ? ` in ${retryAfter} s` : " in a moment"}; your form is kept.`;
    case "input_validation_error":
      return failure.fields.length > 0 ? "Some fields need attention; see the messages beside them." : failure.message;
    case "forbidden":
      return "Only members and admins can launch runs.";
    case "unauthorized":
      return "Your session has ended. Sign in again in another tab, then launch again; your form is kept.";
    case "launch_unconfirmed":
      return failure.message;
    case "upstream_timeout":
    case "upstream_error":
    case "upstream_invalid":
    case "gateway_misconfigured":
    case "network_error":
      return `${failure.code === "gateway_misconfigured" ? failure.message : "FLORA could not be reached, or did not answer."} Launch again when ready: the retry carries the same key, so it cannot start a second run.`;
    default:
      return failure.message;
  }
}

/** A launch whose request never got an answer from the dashboard (offline, connection lost). */
export const unreachableDashboard = () => new DashboardApiError(0, "network_error", "The dashboard could not be reached.", null);
