import "server-only";
import { decode } from "next-auth/jwt";

/**
 * Reads the session cookie next-auth set, without next-auth's per-request round trip
 * (getServerSession runs its whole handler and re-encrypts the token on every call, which
 * capped the gateway at a few hundred requests a second). Decrypted tokens are remembered
 * briefly; what they grant is still checked against the users table on every request.
 */
export const SESSION_COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

const REMEMBER_MS = 60_000;
const MAX_REMEMBERED = 2_000;

interface Claims {
  uid: string;
  /** When to stop trusting the remembered decryption: its own expiry or REMEMBER_MS. */
  validUntil: number;
}

const globalTokens = globalThis as typeof globalThis & { __atelierSessionTokens?: Map<string, Claims> };
function remembered(): Map<string, Claims> {
  globalTokens.__atelierSessionTokens ??= new Map();
  return globalTokens.__atelierSessionTokens;
}

/** The user id in a session token, or null when it is not one of ours, or expired. */
export async function userIdFromSessionToken(token: string, secret: string, now = Date.now()): Promise<string | null> {
  const cache = remembered();
  const hit = cache.get(token);
  if (hit && hit.validUntil > now) return hit.uid;
  if (hit) cache.delete(token);

  let claims: Awaited<ReturnType<typeof decode>>;
  try {
    claims = await decode({ token, secret });
  } catch {
    return null;
  }
  const uid = claims?.uid;
  if (typeof uid !== "string" || uid === "") return null;
  const expiresAt = typeof claims?.exp === "number" ? claims.exp * 1000 : now;
  if (expiresAt <= now) return null;
  cache.set(token, { uid, validUntil: Math.min(now + REMEMBER_MS, expiresAt) });
  if (cache.size > MAX_REMEMBERED) cache.delete(cache.keys().next().value!);
  return uid;
}

/** The session token in a raw Cookie header, if any (cookie values here are URL-safe). */
export function sessionTokenFromCookieHeader(header: string | null): string | undefined {
  if (!header) return undefined;
  const found = new Map<string, string>();
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) found.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return SESSION_COOKIE_NAMES.map((name) => found.get(name)).find(Boolean);
}
