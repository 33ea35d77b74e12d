import { createHash, randomUUID } from "node:crypto";

/**
 * The key sent upstream for a launch. A client's own key is namespaced per user (two
 * teammates' "1" must not collide on the one shared FLORA key); without one, a fresh key
 * still lets the gateway's own retry be recognised as the same launch.
 */
export function upstreamIdempotencyKey(userId: string, clientKey: string | undefined): string {
  if (!clientKey) return `atl_${randomUUID()}`;
  return `atl_${createHash("sha256").update(`${userId}\n${clientKey}`).digest("hex").slice(0, 48)}`;
}

const locks = new Map<string, Promise<unknown>>();

/**
 * Runs launches with the same key one after another: FLORA may execute two concurrent
 * requests with one key, so a double-submitted form must not reach it twice at once.
 */
export async function withKeyLock<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = locks.get(key) ?? Promise.resolve();
  const current = previous.catch(() => undefined).then(task);
  locks.set(key, current);
  try {
    return await current;
  } finally {
    if (locks.get(key) === current) locks.delete(key);
  }
}
