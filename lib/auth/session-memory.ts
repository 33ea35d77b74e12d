import type { User } from "@/lib/db/schema";

/**
 * What session checks remember between requests, on globalThis so that every bundle of the
 * one server process (and the custom server's fast path) shares it: decrypted session
 * tokens (their user id and session version, up to a minute and never past expiry) and
 * users by id (a second).
 */
interface Remembered<T> {
  value: T;
  until: number;
}

const MAX_ENTRIES = 5_000;

/** What a session token says: whose it is, and the session version it was issued under. */
export interface TokenClaims {
  uid: string;
  sv: number;
}

const memory = globalThis as typeof globalThis & {
  __atelierSessionTokens?: Map<string, Remembered<TokenClaims>>;
  __atelierUsers?: Map<string, Remembered<User | undefined>>;
};

function bounded<T>(map: Map<string, T>, key: string, value: T) {
  map.delete(key);
  map.set(key, value);
  if (map.size > MAX_ENTRIES) map.delete(map.keys().next().value!);
}

const tokens = () => (memory.__atelierSessionTokens ??= new Map());
const users = () => (memory.__atelierUsers ??= new Map());

export function recallTokenClaims(token: string, now = Date.now()): TokenClaims | undefined {
  const hit = tokens().get(token);
  if (hit && hit.until > now) return hit.value;
  if (hit) tokens().delete(token);
  return undefined;
}

export function rememberTokenClaims(token: string, claims: TokenClaims, until: number) {
  bounded(tokens(), token, { value: claims, until });
}

/** `undefined` when not remembered; `{ user: undefined }` when remembered as absent. */
export function recallUser(id: string, now = Date.now()): { user: User | undefined } | undefined {
  const hit = users().get(id);
  return hit && hit.until > now ? { user: hit.value } : undefined;
}

export function rememberUser(id: string, user: User | undefined, until: number) {
  bounded(users(), id, { value: user, until });
}

export function forgetRememberedUsers() {
  users().clear();
}

/** Whether a user as stored still honours a token's claims: same version, still active. */
export function sessionStillValid(user: User | undefined, claims: TokenClaims): user is User {
  return !!user && user.disabled_at === null && user.session_version === claims.sv;
}
