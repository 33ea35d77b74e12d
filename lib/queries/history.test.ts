import { describe, expect, it } from "vitest";
import { historyKeys, historyListOptions, retryPolicy } from "@/lib/queries/history";
import { DashboardApiError } from "@/lib/queries/fetch-json";

describe("history queries", () => {
  it("puts the filters in the key, so a change starts from the first page", () => {
    expect(historyKeys.list("generation", { status: "failed" })).toEqual(["history", "generation", "list", { status: "failed" }]);
    expect(historyKeys.list("generation", {})).not.toEqual(historyKeys.list("generation", { status: "failed" }));
  });

  it("pages by FLORA's cursor and stops where it ends", () => {
    const options = historyListOptions("generation", {}, async () => ({ runs: [], nextCursor: null }));
    expect(options.initialPageParam).toBeUndefined();
    expect(options.getNextPageParam({ runs: [], nextCursor: "abc" }, [], undefined, [])).toBe("abc");
    expect(options.getNextPageParam({ runs: [], nextCursor: null }, [], undefined, [])).toBeUndefined();
  });

  it("waits out a 429's Retry-After and does not retry a client error", () => {
    const limited = new DashboardApiError(429, "rate_limited", "slow", 7_000);
    expect(retryPolicy.retry(1, limited)).toBe(true);
    expect(retryPolicy.retryDelay(1, limited)).toBe(7_000);
    expect(retryPolicy.retry(1, new DashboardApiError(400, "input_validation_error", "bad", null))).toBe(false);
    expect(retryPolicy.retry(1, new DashboardApiError(502, "upstream_error", "down", null))).toBe(true);
    expect(retryPolicy.retry(3, new DashboardApiError(502, "upstream_error", "down", null))).toBe(false);
  });
});
