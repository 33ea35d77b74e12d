import "server-only";
import type { Provider } from "next-auth/providers/index";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { githubUserinfo } from "@/lib/auth/github-userinfo";
import { verifiedClaimsEmail } from "@/lib/auth/verified-email";
import type { Env } from "@/lib/env-schema";

interface OidcClaims {
  sub: string;
  name?: string;
  email?: string;
  email_verified?: boolean;
  picture?: string;
}

/**
 * The OAuth/OIDC providers switched on by env; none by default. Each hands next-auth an email
 * only when the provider verified it (lib/auth/verified-email.ts); the signIn callback checks
 * the provider's profile again before anyone is admitted.
 */
export function oauthProviders(env: Env): Provider[] {
  const providers: Provider[] = [];
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) {
    providers.push(
      GitHubProvider({
        clientId: env.AUTH_GITHUB_ID,
        clientSecret: env.AUTH_GITHUB_SECRET,
        userinfo: { request: (context) => githubUserinfo(context) },
      }),
    );
  }
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) {
    providers.push(
      GoogleProvider({
        clientId: env.AUTH_GOOGLE_ID,
        clientSecret: env.AUTH_GOOGLE_SECRET,
        profile: (claims: OidcClaims) => ({
          id: claims.sub,
          name: claims.name ?? null,
          email: verifiedClaimsEmail(claims),
          image: claims.picture ?? null,
        }),
      }),
    );
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
      // A missing `email_verified` claim counts as unverified.
      profile: (claims: OidcClaims) => ({ id: claims.sub, name: claims.name ?? null, email: verifiedClaimsEmail(claims) }),
    });
  }
  return providers;
}
