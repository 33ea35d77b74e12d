import "server-only";
import { decode } from "next-auth/jwt";
import { recallTokenUserId, rememberTokenUserId } from "@/lib/auth/session-memory";

/**
 * Reads the session cookie next-auth set, without next-auth's per-request round trip
 * (getServerSession runs its whole handler and re-encrypts the token on every call, which
 * capped the gateway at a few hundred requests a second). Decrypted tokens are remembered
 * briefly; what they grant is still checked against the users table.
 */
const REMEMBER_MS = 60_000;

/** The user id in a session token, or null when it is not one of ours, or expired. */
export async function userIdFromSessionToken(token: string, secret: string, now = Date.now()): Promise<string | null> {
  const remembered = recallTokenUserId(token, now);
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
  rememberTokenUserId(token, uid, Math.min(now + REMEMBER_MS, expiresAt));
  return uid;
}
