import { LRUCache } from "lru-cache";
import type { User } from "@/lib/db/schema";

/**
 * What session checks remember between requests, on globalThis so that every bundle of the
 * one server process (and the custom server's fast path) shares it: decrypted session
 * tokens (their user id and session version, up to a minute and never past expiry) and
 * users by id (a second; longer while Redis tells of changes, lib/auth/user-changes.ts).
 * lru-cache bounds both and drops entries once their time is up.
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

type Memory<T> = LRUCache<string, Remembered<T>>;

const memory = globalThis as typeof globalThis & {
  __atelierSessionTokens?: Memory<TokenClaims>;
  __atelierUsers?: Memory<{ user: User | undefined }>;
  /** Counts forgettings of users, so a read that began before one is not remembered after it. */
  __atelierUsersForgotten?: number;
};

const bounded = <T>() => new LRUCache<string, Remembered<T>>({ max: MAX_ENTRIES });
const tokens = () => (memory.__atelierSessionTokens ??= bounded<TokenClaims>());
const users = () => (memory.__atelierUsers ??= bounded<{ user: User | undefined }>());

/**
 * The callers say when an entry ends (a token's own expiry) and, when recalling, what time
 * it is (tests pass their own clock), so `until` decides; lru-cache's ttl, the same span on
 * its own clock, drops an entry nobody asks for again before the bound pushes it out.
 */
function remember<T>(map: Memory<T>, key: string, value: T, until: number) {
  map.set(key, { value, until }, { ttl: Math.max(1, Math.ceil(until - Date.now())) });
}

function recall<T>(map: Memory<T>, key: string, now: number): T | undefined {
  const hit = map.get(key);
  if (hit && hit.until > now) return hit.value;
  if (hit) map.delete(key);
  return undefined;
}

export function recallTokenClaims(token: string, now = Date.now()): TokenClaims | undefined {
  return recall(tokens(), token, now);
}

export function rememberTokenClaims(token: string, claims: TokenClaims, until: number) {
  remember(tokens(), token, claims, until);
}

/** `undefined` when not remembered; `{ user: undefined }` when remembered as absent. */
export function recallUser(id: string, now = Date.now()): { user: User | undefined } | undefined {
  return recall(users(), id, now);
}

/** Pass to rememberUser what this said before the user was read from the store. */
export function usersForgottenCount(): number {
  return memory.__atelierUsersForgotten ?? 0;
}

/**
 * `readSince` (usersForgottenCount() taken before the read) keeps a read that raced a change
 * out of memory: the change's "forget" may have arrived while the old row was on its way.
 */
export function rememberUser(id: string, user: User | undefined, until: number, readSince?: number) {
  if (readSince !== undefined && readSince !== usersForgottenCount()) return;
  remember(users(), id, { user }, until);
}

export function forgetRememberedUsers() {
  memory.__atelierUsersForgotten = usersForgottenCount() + 1;
  users().clear();
}

export function forgetRememberedUser(id: string) {
  memory.__atelierUsersForgotten = usersForgottenCount() + 1;
  users().delete(id);
}

/** Whether a user as stored still honours a token's claims: same version, still active. */
export function sessionStillValid(user: User | undefined, claims: TokenClaims): user is User {
  return !!user && user.disabled_at === null && user.session_version === claims.sv;
}
