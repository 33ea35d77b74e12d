import type { User } from "@/lib/db/schema";

/**
 * What session checks remember between requests, on globalThis so that every bundle of the
 * one server process (and the custom server's fast path) shares it: decrypted session
 * tokens (their user id, up to a minute and never past expiry) and users by id (a second).
 */
interface Remembered<T> {
  value: T;
  until: number;
}

const MAX_ENTRIES = 5_000;

const memory = globalThis as typeof globalThis & {
  __atelierSessionTokens?: Map<string, Remembered<string>>;
  __atelierUsers?: Map<string, Remembered<User | undefined>>;
};

function bounded<T>(map: Map<string, T>, key: string, value: T) {
  map.delete(key);
  map.set(key, value);
  if (map.size > MAX_ENTRIES) map.delete(map.keys().next().value!);
}

const tokens = () => (memory.__atelierSessionTokens ??= new Map());
const users = () => (memory.__atelierUsers ??= new Map());

export function recallTokenUserId(token: string, now = Date.now()): string | undefined {
  const hit = tokens().get(token);
  if (hit && hit.until > now) return hit.value;
  if (hit) tokens().delete(token);
  return undefined;
}

export function rememberTokenUserId(token: string, userId: string, until: number) {
  bounded(tokens(), token, { value: userId, until });
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
