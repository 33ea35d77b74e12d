import { describe, expect, it } from "vitest";
import {
  BRISK_INTERVAL_MS,
  DEFAULT_RATE_LIMIT_WAIT_MS,
  isWorthRetrying,
  keepsPolling,
  MAX_INTERVAL_MS,
  MIN_INTERVAL_MS,
  pollIntervalMs,
  pollStopOf,
  retryDelayMs,
} from "@/lib/runs/poll-policy";

describe("pollIntervalMs", () => {
  it("polls every 1.5 s for the first ten seconds, whatever the estimate", () => {
    for (const estimatedSeconds of [null, 5, 600]) {
      expect(pollIntervalMs({ watchedMs: 0, polls: 0, estimatedSeconds })).toBe(BRISK_INTERVAL_MS);
      expect(pollIntervalMs({ watchedMs: 9_999, polls: 6, estimatedSeconds })).toBe(BRISK_INTERVAL_MS);
    }
  });

  it("then slows with the run's estimate: a twentieth of it, between 2 and 10 s", () => {
    expect(pollIntervalMs({ watchedMs: 10_000, polls: 7, estimatedSeconds: 8 })).toBe(MIN_INTERVAL_MS);
    expect(pollIntervalMs({ watchedMs: 10_000, polls: 7, estimatedSeconds: 90 })).toBe(4_500);
    expect(pollIntervalMs({ watchedMs: 60_000, polls: 20, estimatedSeconds: 600 })).toBe(MAX_INTERVAL_MS);
  });

  it("grows gently to 5 s when nothing says how long the run takes", () => {
    const early = pollIntervalMs({ watchedMs: 10_000, polls: 7, estimatedSeconds: null });
    const later = pollIntervalMs({ watchedMs: 30_000, polls: 12, estimatedSeconds: null });
    expect(early).toBeGreaterThan(BRISK_INTERVAL_MS);
    expect(later).toBeGreaterThan(early);
    expect(pollIntervalMs({ watchedMs: 300_000, polls: 80, estimatedSeconds: null })).toBe(5_000);
    expect(pollIntervalMs({ watchedMs: 300_000, polls: 80, estimatedSeconds: Number.NaN })).toBe(5_000);
  });
});

describe("retry after a failed poll", () => {
  it("waits out the gateway's Retry-After on a 429", () => {
    expect(retryDelayMs(1, { status: 429, retryAfterMs: 7_000 })).toBe(7_000);
    expect(retryDelayMs(4, { status: 429, retryAfterMs: 7_000 })).toBe(7_000);
  });

  it("waits FLORA's suggested 5 s on a 429 without Retry-After", () => {
    expect(retryDelayMs(1, { status: 429, retryAfterMs: null })).toBe(DEFAULT_RATE_LIMIT_WAIT_MS);
  });

  it("doubles from 2 s up to 30 s on other failures", () => {
    const delays = [1, 2, 3, 4, 5, 6, 7].map((failures) => retryDelayMs(failures, { status: 502, retryAfterMs: null }));
    expect(delays).toEqual([2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });

  it("retries what may get better, not what will not", () => {
    expect(isWorthRetrying({ status: 0, retryAfterMs: null })).toBe(true);
    expect(isWorthRetrying({ status: 429, retryAfterMs: null })).toBe(true);
    expect(isWorthRetrying({ status: 502, retryAfterMs: null })).toBe(true);
    expect(isWorthRetrying({ status: 504, retryAfterMs: null })).toBe(true);
    expect(isWorthRetrying({ status: 404, retryAfterMs: null })).toBe(false);
    expect(isWorthRetrying({ status: 401, retryAfterMs: null })).toBe(false);
    expect(isWorthRetrying({ status: 400, retryAfterMs: null })).toBe(false);
  });
});

describe("when polling stops for good", () => {
  const failure = (status: number) => ({ status, retryAfterMs: null });

  it("names why after a 401, 403 or 404: signed out, no longer allowed, gone", () => {
    expect(pollStopOf(failure(401))).toBe("signed_out");
    expect(pollStopOf(failure(403))).toBe("forbidden");
    expect(pollStopOf(failure(404))).toBe("gone");
  });

  it("stops after those, and after the run ended", () => {
    for (const status of [401, 403, 404]) expect(keepsPolling(false, failure(status))).toBe(false);
    expect(keepsPolling(true, null)).toBe(false);
    expect(keepsPolling(true, failure(502))).toBe(false);
  });

  it("keeps going while the run can change and the failure may pass", () => {
    expect(keepsPolling(false, null)).toBe(true);
    for (const status of [0, 400, 408, 429, 500, 502, 503, 504]) {
      expect(pollStopOf(failure(status))).toBeNull();
      expect(keepsPolling(false, failure(status))).toBe(true);
    }
    expect(pollStopOf(null)).toBeNull();
  });
});
