import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

/**
 * Password hashing with scrypt (Node's own, no native dependency). The stored form names
 * its parameters so they can be raised without breaking existing hashes:
 * `scrypt$N$r$p$<salt base64>$<key base64>`. A hash with older parameters still verifies,
 * and `needsRehash` tells sign-in to store a new one.
 *
 * Cost: OWASP's password storage cheat sheet (2025) asks for at least N=2^17, r=8, p=1. That
 * is 128 MiB and about half a second of one core per check here, which is why sign-in caps
 * how many checks run at once (lib/auth/password-checks.ts).
 */
export const SCRYPT_COST = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_LENGTH = 64;
const SALT_BYTES = 16;
/** A stored hash asking for more than this is corrupt or hostile, never ours: refuse it. */
const LIMITS = { N: 2 ** 18, r: 16, p: 4 } as const;
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 1_024;

function derive(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    // scrypt needs 128 × N × r bytes; Node's default cap (32 MiB) is too small for 2^17.
    scrypt(password, salt, keyLength, { ...options, maxmem: 128 * options.N! * options.r! + 16 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, KEY_LENGTH, SCRYPT_COST);
  return ["scrypt", SCRYPT_COST.N, SCRYPT_COST.r, SCRYPT_COST.p, salt.toString("base64"), key.toString("base64")].join("$");
}

interface StoredHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

function parseStored(stored: string): StoredHash | null {
  const [scheme, n, r, p, saltText, keyText, ...rest] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !saltText || !keyText || rest.length > 0) return null;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  const whole = Object.values(cost).every((value) => Number.isSafeInteger(value) && value >= 1);
  // N must be a power of two above 1 (scrypt's rule).
  if (!whole || cost.N < 2 || (cost.N & (cost.N - 1)) !== 0) return null;
  if (cost.N > LIMITS.N || cost.r > LIMITS.r || cost.p > LIMITS.p) return null;
  const key = Buffer.from(keyText, "base64");
  if (key.length === 0 || key.length > 256) return null;
  return { ...cost, salt: Buffer.from(saltText, "base64"), key };
}

/** Constant-time comparison; false (never a throw) for a malformed stored hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseStored(stored);
  if (!parsed) return false;
  const actual = await derive(password, parsed.salt, parsed.key.length, { N: parsed.N, r: parsed.r, p: parsed.p });
  return timingSafeEqual(actual, parsed.key);
}

/** True when a stored hash was made with other parameters than today's. */
export function needsRehash(stored: string): boolean {
  const parsed = parseStored(stored);
  return (
    !parsed ||
    parsed.N !== SCRYPT_COST.N ||
    parsed.r !== SCRYPT_COST.r ||
    parsed.p !== SCRYPT_COST.p ||
    parsed.key.length !== KEY_LENGTH
  );
}

/** A hash of nothing in particular, to spend the same time when the email is unknown. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(randomBytes(16).toString("hex"));
  return decoyHash;
}
