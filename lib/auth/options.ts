import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { recordFailedSignIn, recordSignIn } from "@/lib/activity/sign-in";
import { parseAllowlist } from "@/lib/auth/allowlist";
import { safeRedirectUrl } from "@/lib/auth/callback-url";
import { clientAddress } from "@/lib/auth/client-address";
import { authorizeCredentials } from "@/lib/auth/credentials";
import { admitOAuthSignIn } from "@/lib/auth/oauth-admission";
import { oauthProviders } from "@/lib/auth/oauth-providers";
import { getAuthSecret } from "@/lib/auth/secret";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { findUserByEmail } from "@/lib/users/users";

const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

let cached: NextAuthOptions | undefined;

/** next-auth's configuration, built on first use (it reads env, which a build does not have). */
export function getAuthOptions(): NextAuthOptions {
  if (cached) return cached;
  const env = getEnv();
  const allowlist = parseAllowlist(env.AUTH_ALLOWLIST);

  cached = {
    secret: getAuthSecret(),
    // JWT sessions: stateless, but every request still re-reads the user (lib/auth/session.ts),
    // so a role change or a disabled account takes effect at once.
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: async (credentials, request) => {
          const user = await authorizeCredentials(credentials, request.headers ?? {});
          return user && { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.session_version };
        },
      }),
      ...oauthProviders(env),
    ],
    callbacks: {
      async signIn({ user, account, profile }) {
        if (!account || account.provider === "credentials") return true;
        // Only an address the provider verified, even one on the allowlist (lib/auth/verified-email.ts).
        const db = await getDb();
        const admitted = await admitOAuthSignIn(
          db,
          { provider: account.provider, profile, email: user.email, name: user.name },
          allowlist,
          env.AUTH_DEFAULT_ROLE,
        );
        const address = await requestAddress();
        if (admitted) await recordSignIn(db, admitted, account.provider, address);
        else await recordFailedSignIn(db, user.email, account.provider, address, "not_admitted");
        return admitted !== null;
      },
      async jwt({ token, user, account }) {
        // The session version goes into the token, so ending a user's sessions (a bump of
        // users.session_version) makes this token worthless (lib/auth/session.ts).
        if (account?.provider === "credentials" && user) {
          token.uid = user.id;
          token.role = user.role;
          token.sv = user.sessionVersion ?? 0;
        } else if (account && token.email) {
          // OAuth: the provider's user id is not ours; our row is found by the admitted email.
          const row = await findUserByEmail(await getDb(), token.email);
          token.uid = row?.id;
          token.role = row?.role;
          token.sv = row?.session_version;
        }
        return token;
      },
      async session({ session, token }) {
        session.user = {
          id: token.uid ?? "",
          email: token.email ?? "",
          name: token.name ?? null,
          role: token.role ?? "viewer",
        };
        return session;
      },
      async redirect({ url, baseUrl }) {
        // Only paths on this site, whatever next-auth or a crafted link proposes.
        return safeRedirectUrl(url, baseUrl);
      },
    },
    logger: {
      error: (code, metadata) => console.error(JSON.stringify({ level: "error", message: `next-auth: ${code}`, metadata: String(metadata instanceof Error ? metadata.message : code) })),
      warn: (code) => console.error(JSON.stringify({ level: "warn", message: `next-auth: ${code}` })),
      debug: () => undefined,
    },
  };
  return cached;
}

/** The client's address in next-auth's callbacks, which are not handed the request. */
async function requestAddress(): Promise<string> {
  try {
    return clientAddress(Object.fromEntries((await headers()).entries()));
  } catch {
    // Outside a request (a test calling the callback directly): nothing to tell.
    return "unknown";
  }
}
