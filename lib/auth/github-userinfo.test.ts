import { describe, expect, it, vi } from "vitest";
import { GITHUB_EMAILS_URL, githubUserinfo } from "@/lib/auth/github-userinfo";

function context(profile: Record<string, unknown>) {
  return { client: { userinfo: vi.fn(async () => profile) }, tokens: { access_token: "gho_token" } };
}

function answering(status: number, body: unknown) {
  return vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } }));
}

describe("githubUserinfo", () => {
  it("replaces the public profile email with the primary verified address", async () => {
    const fetchImpl = answering(200, [
      { email: "ana@x.example", primary: true, verified: true },
      { email: "public@x.example", primary: false, verified: true },
    ]);
    const profile = await githubUserinfo(context({ id: 7, login: "ana", email: "public@x.example" }), fetchImpl);
    expect(profile).toMatchObject({ id: 7, login: "ana", email: "ana@x.example", email_verified: true });
    const headers = expect.objectContaining({ Authorization: "Bearer gho_token" });
    expect(fetchImpl).toHaveBeenCalledWith(GITHUB_EMAILS_URL, expect.objectContaining({ headers }));
  });

  it("has no email when the primary address is unverified, even if the profile shows one", async () => {
    const fetchImpl = answering(200, [
      { email: "ana@x.example", primary: true, verified: false },
      { email: "other@x.example", primary: false, verified: true },
    ]);
    const profile = await githubUserinfo(context({ id: 7, login: "ana", email: "ana@x.example" }), fetchImpl);
    expect(profile.email).toBeUndefined();
    expect(profile.email_verified).toBe(false);
  });

  it("has no email when GitHub does not list the addresses", async () => {
    const refused = answering(403, { message: "Resource not accessible by integration" });
    const profile = await githubUserinfo(context({ id: 7, login: "ana", email: "ana@x.example" }), refused);
    expect(profile).toMatchObject({ email: undefined, email_verified: false });
  });
});
