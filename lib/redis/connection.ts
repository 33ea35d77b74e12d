import { Redis } from "ioredis";

/**
 * The instance's Redis, when REDIS_URL is set: one connection for commands and one for
 * subscriptions (a subscribed connection can run nothing else). Kept on globalThis, like
 * the poll cache, because the custom server's fast path runs outside Next's bundles and must
 * share them; instrumentation-node.ts connects at start, before any request is answered.
 * Without REDIS_URL nothing connects, and every caller keeps its in-memory state.
 */
export interface SharedRedis {
  commands: Redis;
  subscriber: Redis;
  /** What this instance calls itself in locks and messages (random per process). */
  instanceId: string;
}

const holder = globalThis as typeof globalThis & { __atelierRedis?: SharedRedis | null };

/** Every key and channel Atelier uses starts with this, so one Redis can serve other things too. */
export const REDIS_PREFIX = "atelier:";

function connection(url: string, name: string): Redis {
  return new Redis(url, {
    connectionName: name,
    // A command waits at most a few seconds for a reconnect; callers fall back or fail
    // rather than queue forever behind a Redis that is gone.
    maxRetriesPerRequest: 2,
    connectTimeout: 5_000,
    enableAutoPipelining: true,
    // Reconnects back off to 2 s between tries, for as long as it takes.
    retryStrategy: (times) => Math.min(times * 100, 2_000),
  });
}

/** Connects once per process; later calls return the same connections. */
export function connectRedis(url: string, instanceId: string): SharedRedis {
  if (holder.__atelierRedis) return holder.__atelierRedis;
  const shared = { commands: connection(url, "atelier"), subscriber: connection(url, "atelier-sub"), instanceId };
  // ioredis emits "error" on every failed reconnect; unheard, Node would crash the process.
  for (const client of [shared.commands, shared.subscriber]) client.on("error", () => {});
  holder.__atelierRedis = shared;
  return shared;
}

/** The process's Redis, or null when REDIS_URL is not set (everything stays in memory). */
export function sharedRedis(): SharedRedis | null {
  return holder.__atelierRedis ?? null;
}

/** Closes both connections (tests, shutdown); the process then runs on memory again. */
export async function disconnectRedis(): Promise<void> {
  const shared = holder.__atelierRedis;
  holder.__atelierRedis = null;
  if (shared) await Promise.allSettled([shared.commands.quit(), shared.subscriber.quit()]);
}
