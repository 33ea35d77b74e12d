import { describe, expect, it } from "vitest";
import { historyHeadOptions, historyKeys, historyListOptions, retryPolicy, runPollOptions } from "@/lib/queries/history";
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

describe("history polls", () => {
  type Interval = (query: { state: { status: string; error: unknown; data?: unknown } }) => number | false | undefined;
  const intervalOf = (options: { refetchInterval?: unknown }, state: { status: string; error: unknown; data?: unknown }) =>
    (options.refetchInterval as Interval)({ state });
  const refused = (status: number) => new DashboardApiError(status, "refused", "no", null);
  const running = { run_id: "run_1", status: "running" };

  it("a row stops polling after a 401, 403 or 404, and neither retries it", () => {
    const options = runPollOptions("/api/v1/runs/run_1");
    expect(intervalOf(options, { status: "success", error: null, data: running })).toBe(3_000);
    for (const status of [401, 403, 404]) {
      expect(intervalOf(options, { status: "error", error: refused(status), data: running })).toBe(false);
      expect((options.retry as (failures: number, error: Error) => boolean)(0, refused(status))).toBe(false);
    }
  });

  it("a row keeps polling through a passing failure, retrying it a few times", () => {
    const options = runPollOptions("/api/v1/runs/run_1");
    const retry = options.retry as (failures: number, error: Error) => boolean;
    expect(intervalOf(options, { status: "error", error: refused(503), data: running })).toBe(3_000);
    expect(retry(0, refused(503))).toBe(true);
    expect(retry(3, refused(503))).toBe(false);
    expect((options.retryDelay as (failures: number, error: Error) => number)(1, new DashboardApiError(429, "rate_limited", "slow", 7_000))).toBe(7_000);
  });

  it("the newest-runs poll stops once signed out or refused", () => {
    const options = historyHeadOptions("generation", {});
    expect(intervalOf(options, { status: "success", error: null })).toBe(10_000);
    expect(intervalOf(options, { status: "error", error: refused(502) })).toBe(10_000);
    expect(intervalOf(options, { status: "error", error: refused(401) })).toBe(false);
    expect(intervalOf(options, { status: "error", error: refused(403) })).toBe(false);
  });
});
