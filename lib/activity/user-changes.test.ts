import type { Kysely } from "kysely";
import { beforeEach, describe, expect, it } from "vitest";
import { BY_USERS_COMMAND, byUser } from "@/lib/activity/user-changes";
import type { Database } from "@/lib/db/schema";
import { memoryDatabase } from "@/lib/testing/memory-db";
import { runUsersCommand } from "@/lib/users/users-command";
import { addUser, disableUser, enableUser, endSessions, findUserByEmail, removeUser, setPassword, setRole } from "@/lib/users/users";
import { insertionOrder } from "@/lib/testing/insertion-order";

let db: Kysely<Database>;
beforeEach(async () => {
  db = await memoryDatabase();
});

/** The log as kind, who, subject and detail, oldest first. */
async function log() {
  const rows = await db.selectFrom("activity").selectAll().orderBy("at").orderBy(insertionOrder(db)).execute();
  return rows.map((row) => ({ kind: row.kind, who: row.actor_email, subject: row.subject, detail: JSON.parse(row.detail_json ?? "null") }));
}

const admin = { id: "00000000-0000-4000-8000-00000000000a", email: "boss@x.example" };
const BY_ADMIN = byUser(admin, "admin_api");

describe("the users rules record each change with who made it", () => {
  it("records add, role change, disable, enable, password, sign-out-everywhere and removal", async () => {
    await addUser(db, { email: "keeper@x.example", role: "admin", password: "keeper-password" });
    const ana = await addUser(db, { email: "ana@x.example", role: "viewer", password: "first-password" }, Date.now(), BY_ADMIN);
    await setRole(db, "ana@x.example", "member", BY_ADMIN);
    await disableUser(db, "ana@x.example", Date.now(), BY_ADMIN);
    await enableUser(db, "ana@x.example", {}, BY_ADMIN);
    await setPassword(db, "ana@x.example", "second-password", byUser(ana, "account"));
    await endSessions(db, ana.id, byUser(ana, "account"));
    await removeUser(db, "ana@x.example", BY_ADMIN);
    expect(await log()).toEqual([
      { kind: "user_added", who: admin.email, subject: "ana@x.example", detail: { role: "viewer", password: true, via: "admin_api" } },
      { kind: "role_changed", who: admin.email, subject: "ana@x.example", detail: { from: "viewer", to: "member", via: "admin_api" } },
      { kind: "user_changed", who: admin.email, subject: "ana@x.example", detail: { change: "disabled", via: "admin_api" } },
      { kind: "user_changed", who: admin.email, subject: "ana@x.example", detail: { change: "enabled", via: "admin_api" } },
      { kind: "user_changed", who: "ana@x.example", subject: "ana@x.example", detail: { change: "password_changed", via: "account" } },
      { kind: "user_changed", who: "ana@x.example", subject: "ana@x.example", detail: { change: "signed_out_everywhere", via: "account" } },
      { kind: "user_removed", who: admin.email, subject: "ana@x.example", detail: { role: "member", via: "admin_api" } },
    ]);
  });

  it("records nothing for a change that changes nothing, or that was refused", async () => {
    await addUser(db, { email: "only@x.example", role: "admin", password: "only-password" });
    await addUser(db, { email: "bo@x.example", role: "member", password: "bo-password-1" });
    await setRole(db, "bo@x.example", "member", BY_ADMIN);
    await enableUser(db, "bo@x.example", {}, BY_ADMIN);
    await disableUser(db, "bo@x.example", Date.now(), BY_ADMIN);
    await disableUser(db, "bo@x.example", Date.now(), BY_ADMIN);
    // The last active admin stays: the refused change leaves no entry behind (one transaction).
    await expect(setRole(db, "only@x.example", "viewer", BY_ADMIN)).rejects.toThrow(/last active admin/);
    await expect(removeUser(db, "only@x.example", BY_ADMIN)).rejects.toThrow(/last active admin/);
    await expect(addUser(db, { email: "bo@x.example", role: "viewer", password: "bo-password-2" }, Date.now(), BY_ADMIN)).rejects.toThrow(/already exists/);
    expect((await log()).map((entry) => entry.detail.change ?? entry.kind)).toEqual(["disabled"]);
    expect((await findUserByEmail(db, "only@x.example"))!.role).toBe("admin");
  });

  it("records nothing without `by` (the demo admin's set-up at start)", async () => {
    await addUser(db, { email: "demo@x.example", role: "admin", password: "demo-password", isDemo: true });
    await setPassword(db, "demo@x.example", "demo-password-2");
    expect(await log()).toEqual([]);
  });
});

describe("npm run users records its changes as the users command", () => {
  async function run(args: string[], stdin = "") {
    return runUsersCommand(db, args, { readStdin: async () => stdin, out: () => {}, err: () => {} });
  }

  it("with no person as who, and via users_command", async () => {
    await addUser(db, { email: "keeper@x.example", role: "admin", password: "keeper-password" });
    expect(await run(["add", "cy@x.example", "--role", "viewer", "--password-stdin"], "cy-password-1\n")).toBe(0);
    expect(await run(["set-role", "cy@x.example", "admin"])).toBe(0);
    expect(await run(["set-password", "cy@x.example", "--password-stdin"], "cy-password-2\n")).toBe(0);
    expect(await run(["disable", "cy@x.example"])).toBe(0);
    expect(await run(["enable", "cy@x.example"])).toBe(0);
    expect(await run(["sign-out-everywhere", "cy@x.example"])).toBe(0);
    expect(await run(["remove", "cy@x.example"])).toBe(0);
    const entries = await log();
    expect(entries.map((entry) => [entry.kind, entry.detail.change ?? null])).toEqual([
      ["user_added", null],
      ["role_changed", null],
      ["user_changed", "password_changed"],
      ["user_changed", "disabled"],
      ["user_changed", "enabled"],
      ["user_changed", "signed_out_everywhere"],
      ["user_removed", null],
    ]);
    expect(entries.every((entry) => entry.who === null && entry.subject === "cy@x.example" && entry.detail.via === BY_USERS_COMMAND.via)).toBe(true);
  });
});
