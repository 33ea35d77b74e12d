import { LRUCache } from "lru-cache";
import type { ApiToken } from "@/lib/db/schema";

/**
 * Token rows by prefix, remembered for a second like users are (lib/auth/session-memory.ts):
 * a script polling a run should not cost a query per request. On globalThis so that Next's
 * bundles and the custom server's fast path share it. Revoking from the page forgets them all
 * at once; a revocation by the users command, from another process, holds within a second.
 */
export const TOKEN_REMEMBER_MS = 1_000;

interface Remembered {
  token: ApiToken | undefined;
  until: number;
}

const memory = globalThis as typeof globalThis & { __atelierApiTokens?: LRUCache<string, Remembered> };
const tokens = () => (memory.__atelierApiTokens ??= new LRUCache<string, Remembered>({ max: 5_000 }));

/** `undefined` when not remembered; `{ token: undefined }` when remembered as unknown. */
export function recallToken(prefix: string, now = Date.now()): { token: ApiToken | undefined } | undefined {
  const hit = tokens().get(prefix);
  if (hit && hit.until > now) return { token: hit.token };
  if (hit) tokens().delete(prefix);
  return undefined;
}

export function rememberToken(prefix: string, token: ApiToken | undefined, until: number) {
  tokens().set(prefix, { token, until }, { ttl: Math.max(1, Math.ceil(until - Date.now())) });
}

export function forgetRememberedTokens() {
  tokens().clear();
}
