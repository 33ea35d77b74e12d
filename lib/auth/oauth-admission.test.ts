import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseAllowlist } from "@/lib/auth/allowlist";
import { admitOAuthSignIn, admitOAuthUser } from "@/lib/auth/oauth-admission";
import type { Database } from "@/lib/db/schema";
import { memoryDatabase } from "@/lib/testing/memory-db";
import { addUser, disableUser, findUserByEmail } from "@/lib/users/users";

let db: Kysely<Database>;
beforeEach(async () => {
  db = await memoryDatabase();
});
afterEach(async () => {
  await db.destroy();
});

const allowlist = parseAllowlist("@studio.example, guest@else.example");

describe("admitOAuthUser", () => {
  it("adds an allowed newcomer with the configured role and no password", async () => {
    const user = await admitOAuthUser(db, "New@Studio.example", "New Person", allowlist, "viewer");
    expect(user).toMatchObject({ email: "new@studio.example", role: "viewer", name: "New Person", password_hash: null });
    expect(await findUserByEmail(db, "new@studio.example")).toBeDefined();
  });

  it("keeps an existing user's role", async () => {
    await addUser(db, { email: "lead@studio.example", role: "admin", password: "long-enough" });
    expect((await admitOAuthUser(db, "lead@studio.example", null, allowlist, "viewer"))?.role).toBe("admin");
  });

  it("refuses emails off the allowlist, missing emails and disabled users", async () => {
    expect(await admitOAuthUser(db, "someone@elsewhere.example", null, allowlist, "viewer")).toBeNull();
    expect(await admitOAuthUser(db, null, null, allowlist, "viewer")).toBeNull();
    await addUser(db, { email: "gone@studio.example", role: "member", password: "long-enough" });
    await disableUser(db, "gone@studio.example");
    expect(await admitOAuthUser(db, "gone@studio.example", null, allowlist, "viewer")).toBeNull();
    expect(await findUserByEmail(db, "someone@elsewhere.example")).toBeUndefined();
  });
});

describe("admitOAuthSignIn", () => {
  const verified = (email: string) => ({ sub: "1", email, email_verified: true });

  it.each(["github", "google", "oidc"])("%s: admits an allowed address the provider verified", async (provider) => {
    const email = `${provider}@studio.example`;
    const user = await admitOAuthSignIn(db, { provider, profile: verified(email), email, name: "Ana" }, allowlist, "viewer");
    expect(user).toMatchObject({ email, role: "viewer" });
  });

  it.each([
    ["google, email_verified false", "google", { sub: "1", email: "ana@studio.example", email_verified: false }],
    ["oidc, email_verified missing", "oidc", { sub: "1", email: "ana@studio.example" }],
    ["github, the public profile email without our verified flag", "github", { id: 1, email: "ana@studio.example" }],
    ["github, no verified primary address", "github", { id: 1, email_verified: false }],
    ["a provider we do not know", "facebook", { sub: "1", email: "ana@studio.example", email_verified: true }],
  ])("refuses an allowlisted address the provider did not verify: %s", async (_label, provider, profile) => {
    const signIn = { provider, profile, email: "ana@studio.example", name: null };
    expect(await admitOAuthSignIn(db, signIn, allowlist, "viewer")).toBeNull();
    expect(await findUserByEmail(db, "ana@studio.example")).toBeUndefined();
  });

  it("refuses an existing user whose address the provider did not verify", async () => {
    await addUser(db, { email: "lead@studio.example", role: "admin", password: "long-enough" });
    const profile = { sub: "1", email: "lead@studio.example", email_verified: false };
    const signIn = { provider: "oidc", profile, email: "lead@studio.example", name: null };
    expect(await admitOAuthSignIn(db, signIn, allowlist, "viewer")).toBeNull();
  });

  it("refuses when the session would carry another address than the verified one", async () => {
    const signIn = { provider: "google", profile: verified("ana@studio.example"), email: "lead@studio.example", name: null };
    expect(await admitOAuthSignIn(db, signIn, allowlist, "viewer")).toBeNull();
  });

  it("still asks the allowlist about a verified address", async () => {
    const signIn = { provider: "google", profile: verified("ana@elsewhere.example"), email: "ana@elsewhere.example", name: null };
    expect(await admitOAuthSignIn(db, signIn, allowlist, "viewer")).toBeNull();
  });
});
