import "server-only";
import { decode } from "next-auth/jwt";
import { recallTokenClaims, rememberTokenClaims, type TokenClaims } from "@/lib/auth/session-memory";

/**
 * Reads the session cookie next-auth set, without next-auth's per-request round trip
 * (getServerSession runs its whole handler and re-encrypts the token on every call, which
 * capped the gateway at a few hundred requests a second). Decrypted tokens are remembered
 * briefly; what they grant is still checked against the users table.
 */
const REMEMBER_MS = 60_000;

/**
 * The user id and session version in a session token, or null when it is not one of ours,
 * or expired. A token from before session versions existed counts as version 0, the
 * version every user started with.
 */
export async function claimsFromSessionToken(token: string, secret: string, now = Date.now()): Promise<TokenClaims | null> {
  const remembered = recallTokenClaims(token, now);
  if (remembered) return remembered;

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
  const sv = claims?.sv === undefined ? 0 : claims.sv;
  if (typeof sv !== "number" || !Number.isSafeInteger(sv)) return null;
  const result = { uid, sv };
  rememberTokenClaims(token, result, Math.min(now + REMEMBER_MS, expiresAt));
  return result;
}
