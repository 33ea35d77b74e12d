import { describe, expect, it } from "vitest";
import { DashboardApiError } from "@/lib/queries/fetch-json";
import { keepsPollingRun, lastPollFailure } from "@/lib/queries/run";

const refused = (status: number) => new DashboardApiError(status, "refused", "no", null);
const running = { status: "running" as const };

describe("a run query's own decision to poll again", () => {
  it("stops once its last fetch ended in a 401, 403 or 404, even with a running run in hand", () => {
    for (const status of [401, 403, 404]) {
      expect(keepsPollingRun({ status: "error", error: refused(status), data: running })).toBe(false);
      expect(keepsPollingRun({ status: "error", error: refused(status) })).toBe(false);
    }
  });

  it("keeps polling a running run after other failures, and after a later success", () => {
    expect(keepsPollingRun({ status: "error", error: refused(502), data: running })).toBe(true);
    expect(keepsPollingRun({ status: "error", error: new TypeError("Failed to fetch"), data: running })).toBe(true);
    expect(keepsPollingRun({ status: "success", error: null, data: running })).toBe(true);
    expect(keepsPollingRun({ status: "success", error: null, data: { status: "completed" } })).toBe(false);
  });

  it("reads a failure only once the query has given up on it", () => {
    expect(lastPollFailure({ status: "success", error: null })).toBeNull();
    expect(lastPollFailure({ status: "pending", error: null })).toBeNull();
    expect(lastPollFailure({ status: "error", error: refused(401) })).toEqual({ status: 401, retryAfterMs: null });
  });
});
