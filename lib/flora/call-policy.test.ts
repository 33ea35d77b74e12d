import { APIConnectionError, APIConnectionTimeoutError, InternalServerError, RateLimitError, BadRequestError, AuthenticationError } from "@flora-ai/flora";
import { describe, expect, it } from "vitest";
import { callUpstream, READ_POLICY, LAUNCH_POLICY, UpstreamCallError } from "@/lib/flora/call-policy";

function clock() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    advance: (ms: number) => (now += ms),
    sleeps,
  };
}

const headers = (values: Record<string, string>) => new Headers(values);
const rateLimited = (retryAfter?: string) =>
  new RateLimitError(429, { error: { code: "rate_limited", message: "slow down" } }, undefined, headers(retryAfter ? { "retry-after": retryAfter } : {}));
const serverError = () => new InternalServerError(500, { error: { code: "unknown_error", message: "boom" } }, undefined, headers({}));

async function failureOf(promise: Promise<unknown>): Promise<UpstreamCallError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UpstreamCallError) return error;
    throw error;
  }
  throw new Error("expected a failure");
}

describe("callUpstream", () => {
  it("returns the first success without retrying", async () => {
    let attempts = 0;
    const result = await callUpstream(READ_POLICY, async (options) => {
      attempts += 1;
      expect(options).toMatchObject({ timeout: 6_000, maxRetries: 0 });
      return "ok";
    });
    expect([result, attempts]).toEqual(["ok", 1]);
  });

  it("retries once after a 5xx or a network failure, and no more", async () => {
    let attempts = 0;
    const retried: string[] = [];
    expect(
      await callUpstream(
        READ_POLICY,
        async () => {
          attempts += 1;
          if (attempts === 1) throw serverError();
          return "second time lucky";
        },
        { onRetry: (failure) => retried.push(failure.kind) },
      ),
    ).toBe("second time lucky");
    expect(retried).toEqual(["status"]);

    attempts = 0;
    const failure = await failureOf(
      callUpstream(READ_POLICY, async () => {
        attempts += 1;
        throw new APIConnectionError({ message: "ECONNRESET" });
      }),
    );
    expect(attempts).toBe(2);
    expect(failure.apiError).toMatchObject({ code: "upstream_error", status: 502 });
  });

  it("gives a retry only the time left of the deadline", async () => {
    const time = clock();
    const timeouts: number[] = [];
    const failure = await failureOf(
      callUpstream(
        READ_POLICY,
        async (options) => {
          timeouts.push(options.timeout);
          time.advance(options.timeout);
          throw new APIConnectionTimeoutError();
        },
        time,
      ),
    );
    expect(timeouts).toEqual([6_000, 4_000]);
    expect(time.now()).toBe(10_000);
    expect(failure.apiError).toMatchObject({ code: "upstream_timeout", status: 504 });
  });

  it("waits a Retry-After that fits the deadline, then retries", async () => {
    const time = clock();
    let attempts = 0;
    const result = await callUpstream(
      READ_POLICY,
      async () => {
        attempts += 1;
        if (attempts === 1) throw rateLimited("2");
        return "after the wait";
      },
      time,
    );
    expect(result).toBe("after the wait");
    expect(time.sleeps).toEqual([2_000]);
  });

  it("returns 429 at once with the Retry-After when it does not fit", async () => {
    const time = clock();
    const failure = await failureOf(callUpstream(READ_POLICY, async () => Promise.reject(rateLimited("3600")), time));
    expect(time.sleeps).toEqual([]);
    expect(time.now()).toBe(0);
    expect(failure.apiError.status).toBe(429);
    expect(failure.apiError.headers).toEqual({ "retry-after": "3600" });
  });

  it("treats a 429 without Retry-After as FLORA's own sample does: 5 s", async () => {
    const time = clock();
    let attempts = 0;
    await callUpstream(
      READ_POLICY,
      async () => {
        attempts += 1;
        if (attempts === 1) throw rateLimited();
        return "ok";
      },
      time,
    );
    expect(time.sleeps).toEqual([5_000]);
  });

  it("never retries a definite answer", async () => {
    for (const error of [
      new BadRequestError(400, { error: { code: "input_validation_error", message: "prompt: Required", fields: [{ field: "prompt", message: "Required" }] } }, undefined, headers({})),
      new AuthenticationError(401, { error: { code: "unauthorized", message: "Invalid API key." } }, undefined, headers({})),
    ]) {
      let attempts = 0;
      await failureOf(
        callUpstream(LAUNCH_POLICY, async () => {
          attempts += 1;
          throw error;
        }),
      );
      expect(attempts).toBe(1);
    }
  });

  it("ends a stalled attempt by itself, even if the SDK would not", async () => {
    const started = Date.now();
    const failure = await failureOf(
      callUpstream({ deadlineMs: 300, firstAttemptMs: 100 }, () => new Promise<never>(() => undefined)),
    );
    expect(failure.apiError.code).toBe("upstream_timeout");
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("reports a body that is not JSON as unreadable", async () => {
    const failure = await failureOf(callUpstream(READ_POLICY, async () => Promise.reject(new SyntaxError("Unexpected end of JSON input"))));
    expect(failure.apiError).toMatchObject({ code: "upstream_invalid", status: 502 });
  });
});
