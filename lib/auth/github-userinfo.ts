import "server-only";
import type { Profile } from "next-auth";
import { githubPrimaryVerifiedEmail } from "@/lib/auth/verified-email";

export const GITHUB_EMAILS_URL = "https://api.github.com/user/emails";
const GITHUB_TIMEOUT_MS = 10_000;

interface GithubUserinfoContext {
  client: { userinfo(accessToken: string): Promise<Record<string, unknown>> };
  tokens: { access_token?: string };
}

/**
 * next-auth's GitHub provider takes the profile's public email, or else the primary (or even
 * the first) address from /user/emails, without looking at `verified`. This replaces it: the
 * email is always the primary address and only when GitHub verified it, else none, and the
 * profile says so as OIDC would (`email_verified`), for the signIn callback to check.
 */
export async function githubUserinfo(
  { client, tokens }: GithubUserinfoContext,
  fetchImpl: typeof fetch = fetch,
): Promise<Profile & { email_verified: boolean }> {
  const accessToken = tokens.access_token ?? "";
  const profile = await client.userinfo(accessToken);
  const response = await fetchImpl(GITHUB_EMAILS_URL, {
    headers: { Authorization: `Bearer ${accessToken}`, Accept: "application/vnd.github+json", "User-Agent": "Atelier" },
    signal: AbortSignal.timeout(GITHUB_TIMEOUT_MS),
  });
  const email = response.ok ? githubPrimaryVerifiedEmail(await response.json()) : null;
  // No verified primary address: no email at all (next-auth's Profile spells that `undefined`).
  return { ...profile, email: email ?? undefined, email_verified: email !== null };
}
