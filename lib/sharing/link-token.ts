import { randomBytes } from "node:crypto";
import { secretMatches, hashSecret } from "@/lib/tokens/token-format";

/**
 * A public link's token: 32 random bytes (256 bits) in base64url, 43 characters, shown once
 * in `/s/{token}`. Only its SHA-256 is kept, with the same helpers as access tokens: a slow
 * password hash buys nothing for a secret this random. Its first PREFIX_LENGTH characters
 * are the public `prefix` that finds the row and names the link in lists and the log; the
 * other 35 characters (210 bits) stay secret.
 */
export const LINK_TOKEN_BYTES = 32;
export const LINK_TOKEN_LENGTH = 43;
export const LINK_PREFIX_LENGTH = 8;
const TOKEN_PATTERN = new RegExp(`^[A-Za-z0-9_-]{${LINK_TOKEN_LENGTH}}$`);

export interface NewLinkToken {
  /** What goes in the URL, once. */
  token: string;
  prefix: string;
  secretHash: string;
}

export function generateLinkToken(): NewLinkToken {
  const token = randomBytes(LINK_TOKEN_BYTES).toString("base64url");
  return { token, prefix: token.slice(0, LINK_PREFIX_LENGTH), secretHash: hashSecret(token) };
}

/** The prefix of something shaped like one of our tokens, else null (then nothing is looked up). */
export function linkTokenPrefix(value: string): string | null {
  return TOKEN_PATTERN.test(value) ? value.slice(0, LINK_PREFIX_LENGTH) : null;
}

/** Constant time: how long the answer takes says nothing about how much of the hash matched. */
export const linkTokenMatches = (token: string, storedHash: string): boolean => secretMatches(token, storedHash);

export const linkPath = (token: string) => `/s/${token}`;
