import { scryptSync } from "node:crypto";
import type { Kysely } from "kysely";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db/schema";
import { memoryDatabase } from "@/lib/testing/memory-db";

const state = vi.hoisted(() => ({ db: undefined as unknown as Kysely<Database>, demoProven: false }));
vi.mock("@/lib/db", () => ({ getDb: async () => state.db }));
vi.mock("@/lib/env", () => ({ getEnv: () => ({ AUTH_MAX_FAILED_ATTEMPTS: 3 }) }));
vi.mock("@/lib/log", () => ({ log: { info: vi.fn(), warn: vi.fn(), error: vi.fn() } }));
vi.mock("@/lib/auth/demo-mode", () => ({ demoModeIsProven: async () => state.demoProven }));

const { authorizeCredentials } = await import("@/lib/auth/credentials");
const { addUser, findUserByEmail } = await import("@/lib/users/users");
const { needsRehash, verifyPassword } = await import("@/lib/auth/password");

/** Each test signs in from its own address, so the per-address limit of one does not leak into another. */
let address = 0;
const from = () => ({ "x-forwarded-for": `198.51.100.${++address}` });

beforeEach(async () => {
  state.db = await memoryDatabase();
  state.demoProven = false;
});

describe("authorizeCredentials", () => {
  it("signs a teammate in with their session version, and refuses a wrong password the same way as an unknown email", async () => {
    await addUser(state.db, { email: "ana@studio.example", role: "member", password: "right-password" });
    const headers = from();
    expect(await authorizeCredentials({ email: "ana@studio.example", password: "right-password" }, headers)).toMatchObject({
      email: "ana@studio.example",
      role: "member",
      session_version: 0,
    });
    expect(await authorizeCredentials({ email: "ana@studio.example", password: "wrong-password" }, headers)).toBeNull();
    expect(await authorizeCredentials({ email: "nobody@studio.example", password: "wrong-password" }, from())).toBeNull();
  });

  it("never lets the demo admin in unless this instance is proven to be the demo", async () => {
    await addUser(state.db, { email: "admin@atelier.local", role: "admin", password: "atelier-demo", isDemo: true });
    const attempt = () => authorizeCredentials({ email: "admin@atelier.local", password: "atelier-demo" }, from());
    expect(await attempt()).toBeNull();
    state.demoProven = true;
    expect(await attempt()).toMatchObject({ email: "admin@atelier.local", role: "admin" });
  });

  it("replaces a hash made with the old scrypt cost on the next successful sign-in, and only then", async () => {
    await addUser(state.db, { email: "old@studio.example", role: "viewer", password: "placeholder-1" });
    const salt = Buffer.from("fedcba9876543210");
    const oldHash = ["scrypt", 16384, 8, 1, salt.toString("base64"), scryptSync("old-password-1", salt, 64, { N: 16384, r: 8, p: 1 }).toString("base64")].join("$");
    await state.db.updateTable("users").set({ password_hash: oldHash }).where("email", "=", "old@studio.example").execute();

    expect(await authorizeCredentials({ email: "old@studio.example", password: "wrong-password" }, from())).toBeNull();
    expect((await findUserByEmail(state.db, "old@studio.example"))!.password_hash).toBe(oldHash);

    expect(await authorizeCredentials({ email: "old@studio.example", password: "old-password-1" }, from())).not.toBeNull();
    const stored = (await findUserByEmail(state.db, "old@studio.example"))!;
    expect(stored.password_hash).not.toBe(oldHash);
    expect(stored.password_hash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(needsRehash(stored.password_hash!)).toBe(false);
    expect(await verifyPassword("old-password-1", stored.password_hash!)).toBe(true);
    // The same password, so the sessions it opened go on.
    expect(stored.session_version).toBe(0);
  });

  it("blocks an email after its failures, even with the right password", async () => {
    await addUser(state.db, { email: "bo@studio.example", role: "viewer", password: "right-password" });
    for (let i = 0; i < 3; i += 1) {
      expect(await authorizeCredentials({ email: "bo@studio.example", password: `wrong-${i}` }, from())).toBeNull();
    }
    await expect(authorizeCredentials({ email: "bo@studio.example", password: "right-password" }, from())).rejects.toThrow("TooManyAttempts");
  });
});
