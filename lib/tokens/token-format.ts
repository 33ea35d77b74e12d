import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * A personal access token reads `atl_<prefix>_<secret>`: the public part (`atl_` and 8
 * base62 characters) finds the row and may be shown anywhere; the 32-character secret
 * (about 190 random bits) is shown once and only its SHA-256 is kept. A slow password hash
 * buys nothing for a secret this random, and a fast one keeps every API call cheap.
 */
export const TOKEN_SCHEME = "atl_";
const PREFIX_LENGTH = 8;
const SECRET_LENGTH = 32;
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const TOKEN_PATTERN = new RegExp(`^${TOKEN_SCHEME}([0-9A-Za-z]{${PREFIX_LENGTH}})_([0-9A-Za-z]{${SECRET_LENGTH}})$`);
export const PREFIX_PATTERN = new RegExp(`^${TOKEN_SCHEME}[0-9A-Za-z]{${PREFIX_LENGTH}}$`);

/** Uniform base62: bytes of 248 and above are dropped so no character is likelier than another. */
function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

export interface NewTokenParts {
  /** What the owner copies, once. */
  token: string;
  /** The stored, public part: `atl_` and 8 characters. */
  prefix: string;
  secretHash: string;
}

export function generateToken(): NewTokenParts {
  const prefix = `${TOKEN_SCHEME}${randomBase62(PREFIX_LENGTH)}`;
  const secret = randomBase62(SECRET_LENGTH);
  return { token: `${prefix}_${secret}`, prefix, secretHash: hashSecret(secret) };
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** The public prefix and the secret of a presented token, or null when it is not one of ours in shape. */
export function parseToken(value: string): { prefix: string; secret: string } | null {
  const match = TOKEN_PATTERN.exec(value);
  return match ? { prefix: `${TOKEN_SCHEME}${match[1]}`, secret: match[2]! } : null;
}

/** Compares in constant time, so the answer's timing says nothing about how much matched. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashSecret(secret), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

/**
 * The token in an `Authorization: Bearer …` header when it claims to be ours (`atl_…`),
 * even if malformed, so that it is refused rather than ignored. Any other bearer value (the
 * SDK insists on sending some key) is not a dashboard token and leaves the session to decide.
 */
export function bearerTokenOf(authorization: string | null | undefined): string | null {
  if (!authorization) return null;
  const value = /^Bearer\s+(.*)$/i.exec(authorization)?.[1]?.trim();
  return value?.startsWith(TOKEN_SCHEME) ? value : null;
}
