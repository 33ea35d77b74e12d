import { describe, expect, it } from "vitest";
import { githubPrimaryVerifiedEmail, verifiedClaimsEmail, verifiedProfileEmail } from "@/lib/auth/verified-email";

describe("GitHub: the primary address, only when verified", () => {
  it("takes the primary verified address, not the first one", () => {
    const emails = [
      { email: "other@x.example", primary: false, verified: true, visibility: null },
      { email: "ana@x.example", primary: true, verified: true, visibility: "private" },
    ];
    expect(githubPrimaryVerifiedEmail(emails)).toBe("ana@x.example");
  });

  it.each([
    ["an unverified primary, even with a verified other address", [
      { email: "ana@x.example", primary: true, verified: false },
      { email: "other@x.example", primary: false, verified: true },
    ]],
    ["no primary at all", [{ email: "other@x.example", primary: false, verified: true }]],
    ["a primary without a verified flag", [{ email: "ana@x.example", primary: true }]],
    ["a verified flag that is not a boolean", [{ email: "ana@x.example", primary: true, verified: "true" }]],
    ["an empty list", []],
    ["an error body", { message: "Requires authentication" }],
    ["nothing", undefined],
  ])("has none for %s", (_label, emails) => {
    expect(githubPrimaryVerifiedEmail(emails)).toBeNull();
  });
});

describe("Google and OIDC: email_verified must be true", () => {
  it("takes the email when email_verified is true", () => {
    expect(verifiedClaimsEmail({ sub: "1", email: "ana@x.example", email_verified: true })).toBe("ana@x.example");
  });

  it.each([
    ["false", { sub: "1", email: "ana@x.example", email_verified: false }],
    ["missing", { sub: "1", email: "ana@x.example" }],
    ["the string \"true\"", { sub: "1", email: "ana@x.example", email_verified: "true" }],
    ["true without an email", { sub: "1", email_verified: true }],
    ["true with an empty email", { sub: "1", email: " ", email_verified: true }],
  ])("has none when email_verified is %s", (_label, claims) => {
    expect(verifiedClaimsEmail(claims)).toBeNull();
  });
});

describe("verifiedProfileEmail", () => {
  const verified = { sub: "1", email: "ana@x.example", email_verified: true };
  const unverified = { sub: "1", email: "ana@x.example", email_verified: false };
  const unsaid = { sub: "1", email: "ana@x.example" };

  it.each(["github", "google", "oidc"])("%s: vouches only for a verified address", (provider) => {
    expect(verifiedProfileEmail(provider, verified)).toBe("ana@x.example");
    expect(verifiedProfileEmail(provider, unverified)).toBeNull();
    expect(verifiedProfileEmail(provider, unsaid)).toBeNull();
    expect(verifiedProfileEmail(provider, undefined)).toBeNull();
  });

  it("github: the public profile email GitHub returns, without our verified flag, is not enough", () => {
    expect(verifiedProfileEmail("github", { id: 1, login: "ana", email: "ana@x.example" })).toBeNull();
  });

  it("an unknown provider vouches for nothing", () => {
    expect(verifiedProfileEmail("credentials", verified)).toBeNull();
    expect(verifiedProfileEmail("facebook", verified)).toBeNull();
  });
});
