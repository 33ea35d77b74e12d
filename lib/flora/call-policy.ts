import { ApiError } from "@/lib/errors/api-error";
import { DEFAULT_RETRY_AFTER_MS, toGatewayError } from "@/lib/flora/upstream-error-table";
import { classifyFailure, isTransient, type UpstreamFailure } from "@/lib/flora/upstream-failure";

/**
 * The gateway's own timeouts and retries (the SDK's are off: 60 s and two retries that wait
 * any Retry-After, however long). One retry at most, and only while it fits the deadline.
 */
export interface CallPolicy {
  /** The whole call, retries and waits included, answers within this. */
  deadlineMs: number;
  /** The first attempt's share of the deadline; a retry gets what is left. */
  firstAttemptMs: number;
}

export const READ_POLICY: CallPolicy = { deadlineMs: 10_000, firstAttemptMs: 6_000 };
export const LAUNCH_POLICY: CallPolicy = { deadlineMs: 30_000, firstAttemptMs: 15_000 };

/** Less than this left is not worth another attempt. */
const MIN_ATTEMPT_MS = 500;

export interface AttemptOptions {
  timeout: number;
  maxRetries: 0;
  signal: AbortSignal;
}

export interface CallHooks {
  /** Told before a retry, with what failed; a launch uses it to know its key was already sent. */
  onRetry?: (failure: UpstreamFailure) => void;
  /** Told of each failed attempt, for the log. */
  onFailure?: (failure: UpstreamFailure, attempt: number) => void;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Races a promise against a timer, so a body that stalls after its headers still ends. */
function withinTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error("upstream attempt timed out"), { name: "TimeoutError" })), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export class UpstreamCallError extends Error {
  constructor(
    readonly failure: UpstreamFailure,
    readonly apiError: ApiError,
  ) {
    super(apiError.message);
    this.name = "UpstreamCallError";
  }
}

/**
 * Whether `error` is an UpstreamCallError from any copy of this module. The custom server
 * (scripts/serve.ts, through tsx) and Next's bundles each load their own copy, and what
 * lives on globalThis (the poll cache and the failures it remembers) is made by whichever
 * copy came first, so `instanceof` can say no to the very error it is looking for.
 */
export function isUpstreamCallError(error: unknown): error is UpstreamCallError {
  if (error instanceof UpstreamCallError) return true;
  const candidate = error as Partial<UpstreamCallError> | null;
  return error instanceof Error && error.name === "UpstreamCallError" && typeof candidate?.apiError?.code === "string" && typeof candidate.failure === "object";
}

/** FLORA answered that it has no such run (or technique): an UpstreamCallError of code not_found. */
export const isUpstreamNotFound = (error: unknown): error is UpstreamCallError => isUpstreamCallError(error) && error.apiError.code === "not_found";

/**
 * Runs `attempt` under a policy. Retries once on a transient failure (timeout, network,
 * 5xx), or after a 429 whose Retry-After fits in the time left; otherwise throws an
 * UpstreamCallError carrying both the failure and the client-facing ApiError.
 */
export async function callUpstream<T>(
  policy: CallPolicy,
  attempt: (options: AttemptOptions) => Promise<T>,
  hooks: CallHooks = {},
): Promise<T> {
  const now = hooks.now ?? Date.now;
  const sleep = hooks.sleep ?? realSleep;
  const startedAt = now();
  const remaining = () => policy.deadlineMs - (now() - startedAt);

  for (let attemptNumber = 1; ; attemptNumber += 1) {
    const timeout = Math.max(1, attemptNumber === 1 ? Math.min(policy.firstAttemptMs, remaining()) : remaining());
    const controller = AbortSignal.timeout(timeout);
    try {
      return await withinTimeout(attempt({ timeout, maxRetries: 0, signal: controller }), timeout);
    } catch (error) {
      const failure = classifyFailure(error);
      hooks.onFailure?.(failure, attemptNumber);
      const canRetry = attemptNumber === 1;

      if (failure.kind === "status" && failure.status === 429) {
        const wait = failure.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS;
        if (canRetry && wait + MIN_ATTEMPT_MS <= remaining()) {
          hooks.onRetry?.(failure);
          await sleep(wait);
          continue;
        }
        throw new UpstreamCallError(failure, toGatewayError({ ...failure, retryAfterMs: wait }));
      }
      if (canRetry && isTransient(failure) && remaining() >= MIN_ATTEMPT_MS) {
        hooks.onRetry?.(failure);
        continue;
      }
      throw new UpstreamCallError(failure, toGatewayError(failure));
    }
  }
}
