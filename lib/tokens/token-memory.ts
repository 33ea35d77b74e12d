import { LRUCache } from "lru-cache";
import type { ApiToken } from "@/lib/db/schema";

/**
 * Token rows by prefix, remembered like users are (lib/auth/session-memory.ts): a script
 * polling a run should not cost a query per request. On globalThis so that Next's bundles
 * and the custom server's fast path share it. A revocation forgets the token at once here
 * and, through Redis, on every instance (lib/tokens/token-changes.ts); rows are then
 * remembered 30 s. Without Redis, a second: a revocation by another instance or the users
 * command holds within a second.
 */
export const TOKEN_REMEMBER_MS = 1_000;

interface Remembered {
  token: ApiToken | undefined;
  until: number;
}

const memory = globalThis as typeof globalThis & {
  __atelierApiTokens?: LRUCache<string, Remembered>;
  /** Counts forgettings, so a row read before a revocation is not remembered after it. */
  __atelierApiTokensForgotten?: number;
};
const tokens = () => (memory.__atelierApiTokens ??= new LRUCache<string, Remembered>({ max: 5_000 }));

/** `undefined` when not remembered; `{ token: undefined }` when remembered as unknown. */
export function recallToken(prefix: string, now = Date.now()): { token: ApiToken | undefined } | undefined {
  const hit = tokens().get(prefix);
  if (hit && hit.until > now) return { token: hit.token };
  if (hit) tokens().delete(prefix);
  return undefined;
}

/** Pass to rememberToken what this said before the row was read from the store. */
export function tokensForgottenCount(): number {
  return memory.__atelierApiTokensForgotten ?? 0;
}

/** `readSince` (tokensForgottenCount() before the read) keeps a read that raced a revocation out. */
export function rememberToken(prefix: string, token: ApiToken | undefined, until: number, readSince?: number) {
  if (readSince !== undefined && readSince !== tokensForgottenCount()) return;
  tokens().set(prefix, { token, until }, { ttl: Math.max(1, Math.ceil(until - Date.now())) });
}

export function forgetRememberedTokens() {
  memory.__atelierApiTokensForgotten = tokensForgottenCount() + 1;
  tokens().clear();
}

export function forgetRememberedToken(prefix: string) {
  memory.__atelierApiTokensForgotten = tokensForgottenCount() + 1;
  tokens().delete(prefix);
}
