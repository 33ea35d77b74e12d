import "server-only";
import type { Provider } from "next-auth/providers/index";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import type { Env } from "@/lib/env-schema";

/** The OAuth/OIDC providers switched on by env; none by default. */
export function oauthProviders(env: Env): Provider[] {
  const providers: Provider[] = [];
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) {
    providers.push(GitHubProvider({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET }));
  }
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) {
    providers.push(GoogleProvider({ clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET }));
  }
  if (env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_ID && env.AUTH_OIDC_SECRET) {
    const issuer = env.AUTH_OIDC_ISSUER.replace(/\/$/, "");
    providers.push({
      id: "oidc",
      name: env.AUTH_OIDC_NAME,
      type: "oauth",
      wellKnown: `${issuer}/.well-known/openid-configuration`,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      clientId: env.AUTH_OIDC_ID,
      clientSecret: env.AUTH_OIDC_SECRET,
      profile(profile: { sub: string; name?: string; email?: string; email_verified?: boolean }) {
        // An unverified address proves nothing about who signs in: treat it as absent.
        const email = profile.email_verified === false ? null : (profile.email ?? null);
        return { id: profile.sub, name: profile.name ?? null, email };
      },
    });
  }
  return providers;
}
