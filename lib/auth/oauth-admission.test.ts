import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseAllowlist } from "@/lib/auth/allowlist";
import { admitOAuthUser } from "@/lib/auth/oauth-admission";
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
