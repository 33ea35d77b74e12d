import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { migrateToLatest, openDatabase } from "@/lib/db/connect";
import type { Database } from "@/lib/db/schema";
import { memoryDatabase } from "@/lib/testing/memory-db";
import { ensureDemoAdmin, retireDemoUsers } from "@/lib/users/demo-admin";
import { UserError } from "@/lib/users/user-error";
import { addUser, disableUser, enableUser, findUserByEmail, listUsers, removeUser, setRole } from "@/lib/users/users";

let db: Kysely<Database>;
beforeEach(async () => {
  db = await memoryDatabase();
});
afterEach(async () => {
  await db.destroy();
});

async function expectUserError(promise: Promise<unknown>, code: string) {
  await expect(promise).rejects.toBeInstanceOf(UserError);
  await expect(promise).rejects.toMatchObject({ code });
}

describe("users", () => {
  it("adds a user with a normalised email and a hashed password", async () => {
    const user = await addUser(db, { email: "  Ana@Studio.Example ", role: "member", password: "long-enough", name: "Ana" });
    expect(user).toMatchObject({ email: "ana@studio.example", role: "member", name: "Ana", disabled_at: null });
    const stored = await findUserByEmail(db, "ANA@studio.example");
    expect(stored?.password_hash).not.toContain("long-enough");
    expect(await verifyPassword("long-enough", stored!.password_hash!)).toBe(true);
  });

  it("refuses a bad email, a bad role, a short password and a duplicate", async () => {
    await expectUserError(addUser(db, { email: "not-an-email", role: "viewer", password: "long-enough" }), "invalid_email");
    await expectUserError(addUser(db, { email: "a@b.example", role: "owner", password: "long-enough" }), "invalid_role");
    await expectUserError(addUser(db, { email: "a@b.example", role: "viewer", password: "short" }), "invalid_password");
    await addUser(db, { email: "a@b.example", role: "viewer", password: "long-enough" });
    await expectUserError(addUser(db, { email: "A@B.example", role: "admin", password: "long-enough" }), "duplicate_email");
    expect(await listUsers(db)).toHaveLength(1);
  });

  it("changes roles, disables, enables and removes", async () => {
    await addUser(db, { email: "admin@x.example", role: "admin", password: "long-enough" });
    await addUser(db, { email: "bo@x.example", role: "viewer", password: "long-enough" });
    expect((await setRole(db, "bo@x.example", "member")).role).toBe("member");
    expect((await disableUser(db, "bo@x.example", 1234)).disabled_at).toBe(1234);
    expect((await findUserByEmail(db, "bo@x.example"))?.disabled_at).toBe(1234);
    expect((await enableUser(db, "bo@x.example")).disabled_at).toBeNull();
    await removeUser(db, "bo@x.example");
    expect(await findUserByEmail(db, "bo@x.example")).toBeUndefined();
    await expectUserError(removeUser(db, "bo@x.example"), "not_found");
  });

  it("never leaves the team without an active admin", async () => {
    await addUser(db, { email: "only@x.example", role: "admin", password: "long-enough" });
    await expectUserError(removeUser(db, "only@x.example"), "last_admin");
    await expectUserError(setRole(db, "only@x.example", "member"), "last_admin");
    await expectUserError(disableUser(db, "only@x.example"), "last_admin");

    await addUser(db, { email: "second@x.example", role: "admin", password: "long-enough" });
    await disableUser(db, "second@x.example");
    // A disabled admin does not count: the first is still the last active one.
    await expectUserError(removeUser(db, "only@x.example"), "last_admin");
    await enableUser(db, "second@x.example");
    await removeUser(db, "only@x.example");
    expect((await listUsers(db)).map((user) => user.email)).toEqual(["second@x.example"]);
  });

  it("keeps a removed user's launches, with their email", async () => {
    const admin = await addUser(db, { email: "admin@x.example", role: "admin", password: "long-enough" });
    const member = await addUser(db, { email: "mo@x.example", role: "member", password: "long-enough" });
    await db
      .insertInto("launches")
      .values({
        id: "l1",
        run_id: "run_1",
        kind: "generation",
        user_id: member.id,
        user_email: member.email,
        type: "image",
        model: null,
        technique_id: null,
        prompt: "a mug",
        params_json: "{}",
        workspace_id: "ws_1",
        project_id: "prj_1",
        idempotency_key: "k1",
        status: "confirmed",
        estimated_cost: null,
        response_json: null,
        error_code: null,
        created_at: 1,
        completed_at: 2,
      })
      .execute();
    await removeUser(db, member.email);
    const launch = await db.selectFrom("launches").selectAll().executeTakeFirstOrThrow();
    expect(launch).toMatchObject({ user_id: null, user_email: "mo@x.example", prompt: "a mug" });
    expect(admin.role).toBe("admin");
  });
});

/** Who is still an active admin, read fresh from the store. */
async function activeAdmins(store: Kysely<Database>): Promise<string[]> {
  const users = await listUsers(store);
  return users.filter((user) => user.role === "admin" && user.disabled_at === null).map((user) => user.email);
}

/** Two admins, each about to take the other out: exactly one of the two may succeed. */
const RACES = [
  ["demote", (store: Kysely<Database>, email: string) => setRole(store, email, "member")],
  ["disable", (store: Kysely<Database>, email: string) => disableUser(store, email)],
  ["remove", (store: Kysely<Database>, email: string) => removeUser(store, email)],
] as const;

async function expectOneWinner(results: PromiseSettledResult<unknown>[]) {
  const refused = results.filter((result) => result.status === "rejected");
  expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
  expect(refused).toHaveLength(1);
  expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ code: "last_admin" });
}

describe("the last admin under concurrency", () => {
  it.each(RACES)("two admins who %s each other at once on one store leave one admin", async (_action, act) => {
    await addUser(db, { email: "ana@x.example", role: "admin" });
    await addUser(db, { email: "bo@x.example", role: "admin" });
    const results = await Promise.allSettled([act(db, "ana@x.example"), act(db, "bo@x.example")]);
    await expectOneWinner(results);
    expect(await activeAdmins(db)).toHaveLength(1);
  });

  describe("from two connections to one file, standing for two processes", () => {
    let dir: string;
    let first: Kysely<Database>;
    let second: Kysely<Database>;
    beforeEach(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-users-"));
      const url = `file:${path.join(dir, "store.db")}`;
      first = openDatabase(url);
      await migrateToLatest(first);
      second = openDatabase(url);
    });
    afterEach(async () => {
      await first.destroy();
      await second.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it.each(RACES)("two admins who %s each other at once leave one admin", async (_action, act) => {
      await addUser(first, { email: "ana@x.example", role: "admin" });
      await addUser(first, { email: "bo@x.example", role: "admin" });
      const results = await Promise.allSettled([act(first, "ana@x.example"), act(second, "bo@x.example")]);
      await expectOneWinner(results);
      expect(await activeAdmins(first)).toHaveLength(1);
      expect(await activeAdmins(second)).toEqual(await activeAdmins(first));
    });
  });
});

describe("demo admin", () => {
  it("is created once, keeps its password in step, and is retired outside simulator mode", async () => {
    await ensureDemoAdmin(db, "admin@atelier.local", "first-password");
    await ensureDemoAdmin(db, "admin@atelier.local", "second-password");
    const demo = await findUserByEmail(db, "admin@atelier.local");
    expect(demo).toMatchObject({ role: "admin", is_demo: 1, disabled_at: null });
    expect(await verifyPassword("second-password", demo!.password_hash!)).toBe(true);

    expect(await retireDemoUsers(db)).toBe(1);
    expect((await findUserByEmail(db, "admin@atelier.local"))?.disabled_at).not.toBeNull();
    // Back on the simulator it comes back to life.
    await ensureDemoAdmin(db, "admin@atelier.local", "second-password");
    expect((await findUserByEmail(db, "admin@atelier.local"))?.disabled_at).toBeNull();
  });

  it("leaves a real user with the demo email alone", async () => {
    await addUser(db, { email: "admin@atelier.local", role: "viewer", password: "a-real-password" });
    await ensureDemoAdmin(db, "admin@atelier.local", "demo-password");
    const user = await findUserByEmail(db, "admin@atelier.local");
    expect(user).toMatchObject({ role: "viewer", is_demo: 0 });
    expect(await verifyPassword("a-real-password", user!.password_hash!)).toBe(true);
  });
});
