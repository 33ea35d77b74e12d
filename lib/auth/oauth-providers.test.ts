import { describe, expect, it, vi } from "vitest";
import { parseEnv } from "@/lib/env-schema";
import { oauthProviders } from "@/lib/auth/oauth-providers";

const env = parseEnv({
  AUTH_SECRET: "a-test-secret-that-is-at-least-32-characters-long",
  AUTH_GITHUB_ID: "gh-id",
  AUTH_GITHUB_SECRET: "gh-secret",
  AUTH_GOOGLE_ID: "google-id",
  AUTH_GOOGLE_SECRET: "google-secret",
  AUTH_OIDC_ISSUER: "https://sso.example/",
  AUTH_OIDC_ID: "oidc-id",
  AUTH_OIDC_SECRET: "oidc-secret",
});

interface ProviderShape {
  id: string;
  profile?: (claims: unknown) => { email?: string | null };
  userinfo?: { request?: unknown };
  options?: { profile?: (claims: unknown) => { email?: string | null }; userinfo?: { request?: unknown } };
}

/** What next-auth runs: the user's options override the provider's defaults. */
function effective(id: string) {
  const provider = oauthProviders(env).find((candidate) => candidate.id === id) as unknown as ProviderShape;
  return {
    profile: provider.options?.profile ?? provider.profile!,
    userinfoRequest: provider.options?.userinfo?.request ?? provider.userinfo?.request,
  };
}

describe("oauthProviders", () => {
  it.each(["google", "oidc"])("%s hands next-auth no email unless email_verified is true", (id) => {
    const { profile } = effective(id);
    expect(profile({ sub: "1", email: "ana@x.example", email_verified: true }).email).toBe("ana@x.example");
    expect(profile({ sub: "1", email: "ana@x.example", email_verified: false }).email).toBeNull();
    expect(profile({ sub: "1", email: "ana@x.example" }).email).toBeNull();
  });

  it("github hands next-auth no email when the primary address is unverified, whatever the profile shows", async () => {
    const { userinfoRequest } = effective("github");
    const addresses = [
      { email: "ana@x.example", primary: true, verified: false },
      { email: "other@x.example", primary: false, verified: true },
    ];
    vi.stubGlobal("fetch", vi.fn(async () => Response.json(addresses)));
    try {
      const request = userinfoRequest as (context: unknown) => Promise<{ email?: string | null }>;
      const client = { userinfo: async () => ({ id: 7, login: "ana", email: "ana@x.example" }) };
      expect((await request({ client, tokens: { access_token: "gho_token" } })).email ?? null).toBeNull();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
