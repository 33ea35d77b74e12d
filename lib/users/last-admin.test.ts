import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/schema";
import { memoryDatabase } from "@/lib/testing/memory-db";
import { leavesAnActiveAdmin } from "@/lib/users/last-admin";
import { addUser, disableUser } from "@/lib/users/users";

let db: Kysely<Database>;
beforeEach(async () => {
  db = await memoryDatabase();
});
afterEach(async () => {
  await db.destroy();
});

/** Demotes `email` only where the SQL rule allows it; how many rows changed. */
async function demoteGuarded(email: string): Promise<bigint> {
  const { numUpdatedRows } = await db
    .updateTable("users")
    .set({ role: "member" })
    .where("email", "=", email)
    .where(leavesAnActiveAdmin)
    .executeTakeFirst();
  return numUpdatedRows;
}

describe("leavesAnActiveAdmin", () => {
  it("lets no statement touch the only active admin, whatever the caller read", async () => {
    await addUser(db, { email: "only@x.example", role: "admin" });
    await addUser(db, { email: "off@x.example", role: "admin" });
    await disableUser(db, "off@x.example");
    expect(await demoteGuarded("only@x.example")).toBe(0n);
    expect((await db.selectFrom("users").select("role").where("email", "=", "only@x.example").executeTakeFirst())?.role).toBe(
      "admin",
    );
  });

  it("lets the change through when another active admin stays, or the row is no active admin", async () => {
    await addUser(db, { email: "ana@x.example", role: "admin" });
    await addUser(db, { email: "bo@x.example", role: "admin" });
    await addUser(db, { email: "vi@x.example", role: "viewer" });
    expect(await demoteGuarded("vi@x.example")).toBe(1n);
    expect(await demoteGuarded("ana@x.example")).toBe(1n);
    // Now bo is the last one.
    expect(await demoteGuarded("bo@x.example")).toBe(0n);
    // A disabled admin is no active admin: changing it never matters.
    await disableUser(db, "ana@x.example");
    await db.updateTable("users").set({ role: "admin" }).where("email", "=", "ana@x.example").execute();
    expect(await demoteGuarded("ana@x.example")).toBe(1n);
  });
});
