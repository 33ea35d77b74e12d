import { randomUUID } from "node:crypto";
import { envSchema } from "@/lib/env-schema";
import { connectRedis, disconnectRedis } from "@/lib/redis/connection";

/** How long the command waits for Redis before going on without telling the instances. */
export const COMMAND_REDIS_WAIT_MS = 3_000;

const NOT_TOLD =
  "Redis (REDIS_URL) did not answer: running instances are not told of this change and notice it when they next read the user or token (within 30 s).";

function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    promise.then(
      () => (clearTimeout(timer), resolve(true)),
      () => (clearTimeout(timer), resolve(false)),
    );
  });
}

/**
 * The users command runs as a process of its own. With REDIS_URL it connects for the length
 * of the command, so that each change it makes is announced to the running instances
 * (lib/auth/user-changes.ts, lib/tokens/token-changes.ts), and quits after. A Redis that
 * does not answer is said once and left out: the change is in the store either way.
 */
export async function withCommandRedis<T>(env: Record<string, string | undefined>, warn: (line: string) => void, run: () => Promise<T>): Promise<T> {
  const url = envSchema.shape.REDIS_URL.safeParse(env.REDIS_URL);
  if (!url.success || !url.data) {
    if (!url.success) warn(`REDIS_URL ${url.error.issues[0]?.message ?? "is not valid"}: running instances are not told of this change.`);
    return run();
  }
  const redis = connectRedis(url.data, `users-command-${randomUUID()}`);
  try {
    const ready = new Promise<void>((resolve, reject) => {
      if (redis.commands.status === "ready") return resolve();
      redis.commands.once("ready", resolve);
      redis.commands.once("end", reject);
    });
    if (!(await settlesWithin(ready, COMMAND_REDIS_WAIT_MS))) {
      warn(NOT_TOLD);
      // Publishing then finds no connection and is skipped, rather than waiting on one.
      redis.commands.disconnect();
    }
    return await run();
  } finally {
    // quit() waits for replies; a Redis that went away must not keep the command from exiting.
    await settlesWithin(disconnectRedis(), 1_000);
    redis.commands.disconnect();
    redis.subscriber.disconnect();
  }
}
