import { memoryInvalidation } from "@/lib/redis/invalidations";
import { forgetRememberedToken, forgetRememberedTokens, TOKEN_REMEMBER_MS } from "@/lib/tokens/token-memory";

/**
 * Access tokens remembered by prefix (lib/tokens/token-memory.ts) are kept in step across
 * instances: a revocation is announced on atelier:tokens-revoked (the token's prefix) and
 * every instance forgets that row. Remembered 30 s while announcements are heard, a second
 * otherwise. lib/tokens/token-store.ts's revokeToken announces, so the page, its API and
 * the users command (which connects to publish) all do. Plain, like the memory it guards.
 */
export const tokenChanges = memoryInvalidation({
  channel: "tokens-revoked",
  handlers: { forget: forgetRememberedToken, forgetAll: forgetRememberedTokens },
  aloneMs: TOKEN_REMEMBER_MS,
  listeningMs: 30_000,
});
