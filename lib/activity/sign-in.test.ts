import type { Kysely } from "kysely";
import type { Account, Profile, User as AuthUser } from "next-auth";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db/schema";
import { memoryDatabase } from "@/lib/testing/memory-db";
import { insertionOrder } from "@/lib/testing/insertion-order";

const state = vi.hoisted(() => ({ db: undefined as unknown as Kysely<Database>, forwardedFor: "203.0.113.50" }));
vi.mock("@/lib/db", () => ({ getDb: async () => state.db }));
vi.mock("@/lib/env", async () => {
  const { parseEnv: parse } = await import("@/lib/env-schema");
  const env = parse({ ATELIER_UPSTREAM: "simulator", FLORA_BASE_URL: "http://127.0.0.1:4010/api/v1", AUTH_MAX_FAILED_ATTEMPTS: "3", AUTH_ALLOWLIST: "studio.example", AUTH_DEFAULT_ROLE: "member" });
  return { getEnv: () => env };
});
vi.mock("@/lib/log", () => ({ log: { info: vi.fn(), warn: vi.fn(), error: vi.fn() } }));
vi.mock("@/lib/auth/demo-mode", () => ({ demoModeIsProven: async () => false }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": state.forwardedFor }) }));

const { authorizeCredentials } = await import("@/lib/auth/credentials");
const { getAuthOptions } = await import("@/lib/auth/options");
const { addUser, disableUser } = await import("@/lib/users/users");

async function log() {
  const rows = await db().selectFrom("activity").selectAll().orderBy("at").orderBy(insertionOrder(db())).execute();
  return rows.map((row) => ({ kind: row.kind, actor: row.actor_email, subject: row.subject, detail: JSON.parse(row.detail_json ?? "null") }));
}
const db = () => state.db;

let address = 0;
const from = () => ({ "x-forwarded-for": `198.51.100.${++address}` });

beforeEach(async () => {
  state.db = await memoryDatabase();
});

describe("password sign-ins in the activity log", () => {
  it("records a success with the user and address, and each checked failure with the email tried and why, never the password", async () => {
    await addUser(db(), { email: "ana@studio.example", role: "member", password: "right-password" });
    await addUser(db(), { email: "keeper@studio.example", role: "admin", password: "keeper-password" });
    await addUser(db(), { email: "gone@studio.example", role: "viewer", password: "gone-password" });
    await disableUser(db(), "gone@studio.example");
    const ana = from();
    await authorizeCredentials({ email: "ana@studio.example", password: "right-password" }, ana);
    await authorizeCredentials({ email: "ANA@studio.example ", password: "wrong-password-123" }, ana);
    const other = from();
    await authorizeCredentials({ email: "nobody@studio.example", password: "wrong-password-456" }, other);
    await authorizeCredentials({ email: "gone@studio.example", password: "gone-password" }, from());
    await authorizeCredentials({ email: "=1", password: "x" }, from());

    const entries = await log();
    expect(entries).toEqual([
      { kind: "sign_in", actor: "ana@studio.example", subject: null, detail: { method: "password", address: ana["x-forwarded-for"] } },
      { kind: "sign_in_failed", actor: null, subject: "ana@studio.example", detail: { method: "password", address: ana["x-forwarded-for"], reason: "wrong_password" } },
      { kind: "sign_in_failed", actor: null, subject: "nobody@studio.example", detail: { method: "password", address: other["x-forwarded-for"], reason: "unknown_email" } },
      { kind: "sign_in_failed", actor: null, subject: "gone@studio.example", detail: expect.objectContaining({ reason: "disabled" }) },
      { kind: "sign_in_failed", actor: null, subject: "=1", detail: expect.objectContaining({ reason: "invalid_input" }) },
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/wrong-password|right-password|gone-password/);
  });

  it("does not record attempts the limiter refused before any check", async () => {
    // The limiter is the process's: this test's own email, so the other test's failures do not count.
    await addUser(db(), { email: "limited@studio.example", role: "member", password: "right-password" });
    const headers = from();
    for (let i = 0; i < 3; i += 1) await authorizeCredentials({ email: "limited@studio.example", password: `wrong-${i}-password` }, headers);
    await expect(authorizeCredentials({ email: "limited@studio.example", password: "right-password" }, headers)).rejects.toThrow("TooManyAttempts");
    expect((await log()).map((entry) => entry.kind)).toEqual(["sign_in_failed", "sign_in_failed", "sign_in_failed"]);
  });
});

describe("OAuth sign-ins in the activity log", () => {
  const signIn = (email: string, verified: boolean) =>
    getAuthOptions().callbacks!.signIn!({
      user: { id: "provider-id", email, name: "Someone" } as AuthUser,
      account: { provider: "google", type: "oauth", providerAccountId: "p1" } as Account,
      profile: { email, email_verified: verified } as Profile,
    });

  it("records an admitted newcomer as added and signed in, and a refused one as a failed sign-in, with the client's address", async () => {
    state.forwardedFor = "203.0.113.77";
    expect(await signIn("new@studio.example", true)).toBe(true);
    expect(await signIn("outsider@elsewhere.example", true)).toBe(false);
    expect(await signIn("unverified@studio.example", false)).toBe(false);
    expect(await log()).toEqual([
      { kind: "user_added", actor: null, subject: "new@studio.example", detail: { role: "member", password: false, via: "sign_in" } },
      { kind: "sign_in", actor: "new@studio.example", subject: null, detail: { method: "google", address: "203.0.113.77" } },
      { kind: "sign_in_failed", actor: null, subject: "outsider@elsewhere.example", detail: { method: "google", address: "203.0.113.77", reason: "not_admitted" } },
      { kind: "sign_in_failed", actor: null, subject: "unverified@studio.example", detail: { method: "google", address: "203.0.113.77", reason: "not_admitted" } },
    ]);
  });
});
