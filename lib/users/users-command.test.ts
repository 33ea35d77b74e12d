import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import type { Database } from "@/lib/db/schema";
import { memoryDatabase } from "@/lib/testing/memory-db";
import { runUsersCommand } from "@/lib/users/users-command";
import { addUser, findUserByEmail } from "@/lib/users/users";

let db: Kysely<Database>;
beforeEach(async () => {
  db = await memoryDatabase();
});
afterEach(async () => {
  await db.destroy();
});

async function run(args: string[], stdin = "") {
  const out: string[] = [];
  const err: string[] = [];
  let stdinRead = false;
  const code = await runUsersCommand(db, args, {
    readStdin: async () => {
      stdinRead = true;
      return stdin;
    },
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { code, out: out.join("\n"), err: err.join("\n"), stdinRead };
}

describe("npm run users", () => {
  it("adds a user with the password from standard input, then lists them", async () => {
    const added = await run(["add", "Ana@Studio.example", "--role", "member", "--password-stdin", "--name", "Ana"], "with spaces ok\n");
    expect(added).toMatchObject({ code: 0, out: "Added ana@studio.example as member." });
    const user = await findUserByEmail(db, "ana@studio.example");
    expect(await verifyPassword("with spaces ok", user!.password_hash!)).toBe(true);

    const listed = await run(["list"]);
    expect(listed.code).toBe(0);
    expect(listed.out).toBe("ana@studio.example\tmember\tactive\tAna");
  });

  it("refuses a bad email or role before reading standard input", async () => {
    const badEmail = await run(["add", "nope", "--role", "member", "--password-stdin"], "secret-password");
    expect(badEmail).toMatchObject({ code: 1, stdinRead: false });
    expect(badEmail.err).toBe('users: "nope" is not a valid email address.');

    const badRole = await run(["add", "a@b.example", "--role", "owner", "--password-stdin"], "secret-password");
    expect(badRole).toMatchObject({ code: 1, stdinRead: false });
    expect(badRole.err).toMatch(/"owner" is not a role/);
  });

  it("reports a duplicate and an empty password clearly", async () => {
    await run(["add", "a@b.example", "--role", "viewer", "--password-stdin"], "secret-password");
    const duplicate = await run(["add", "A@b.example", "--role", "admin", "--password-stdin"], "secret-password");
    expect(duplicate).toMatchObject({ code: 1, err: "users: A user with the email a@b.example already exists." });
    const empty = await run(["add", "c@b.example", "--role", "viewer", "--password-stdin"], "");
    expect(empty.code).toBe(2);
    expect(empty.err).toMatch(/standard input was empty/);
  });

  it("changes roles, disables, enables and removes, guarding the last admin", async () => {
    await run(["add", "boss@b.example", "--role", "admin", "--password-stdin"], "secret-password");
    await run(["add", "bo@b.example", "--role", "viewer", "--password-stdin"], "secret-password");
    expect((await run(["set-role", "bo@b.example", "member"])).out).toBe("bo@b.example is now member.");
    expect((await run(["disable", "bo@b.example"])).out).toBe("Disabled bo@b.example.");
    expect((await run(["list"])).out).toContain("bo@b.example\tmember\tdisabled");
    expect((await run(["enable", "bo@b.example"])).out).toBe("Enabled bo@b.example.");
    expect((await run(["remove", "bo@b.example"])).out).toBe("Removed bo@b.example.");
    const lastAdmin = await run(["remove", "boss@b.example"]);
    expect(lastAdmin).toMatchObject({ code: 1, err: "users: Cannot remove boss@b.example: they are the last active admin." });
    expect((await run(["set-role", "ghost@b.example", "admin"])).err).toMatch(/No user has the email ghost@b.example/);
  });

  it("never enables the demo admin: only the demo instance itself may", async () => {
    await addUser(db, { email: "admin@atelier.local", role: "admin", password: "atelier-demo", isDemo: true });
    await run(["add", "ops@studio.example", "--role", "admin", "--password-stdin"], "ops-password-1\n");
    expect((await run(["disable", "admin@atelier.local"])).code).toBe(0);
    const refused = await run(["enable", "admin@atelier.local"]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/demo admin: it can be enabled only while the dashboard runs on its own simulator/);
    expect((await findUserByEmail(db, "admin@atelier.local"))!.disabled_at).not.toBeNull();
  });

  it("ends every session of a user, and every password or role change or disabling does too", async () => {
    await run(["add", "ana@studio.example", "--role", "member", "--password-stdin"], "first-password\n");
    const version = async () => (await findUserByEmail(db, "ana@studio.example"))!.session_version;
    expect(await version()).toBe(0);
    expect(await run(["sign-out-everywhere", "ana@studio.example"])).toMatchObject({ code: 0, out: "Ended every session of ana@studio.example." });
    expect(await version()).toBe(1);
    await run(["set-password", "ana@studio.example", "--password-stdin"], "second-password\n");
    expect(await version()).toBe(2);
    await run(["set-role", "ana@studio.example", "viewer"]);
    expect(await version()).toBe(3);
    // The same role again changes nothing, so it ends nothing.
    await run(["set-role", "ana@studio.example", "viewer"]);
    expect(await version()).toBe(3);
    await run(["disable", "ana@studio.example"]);
    await run(["enable", "ana@studio.example"]);
    // Enabling does not hand back the version that disabling took away.
    expect(await version()).toBe(4);
    expect((await run(["sign-out-everywhere", "ghost@studio.example"])).code).toBe(1);
  });

  it("reads options the way Node's parseArgs does: --role=ROLE works, an unknown option is refused", async () => {
    expect(await run(["add", "eq@b.example", "--role=member", "--password-stdin"], "secret-password\n")).toMatchObject({ code: 0, out: "Added eq@b.example as member." });
    const unknown = await run(["list", "--frob"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^users: Unknown option '--frob'/);
    const ambiguous = await run(["add", "a@b.example", "--role", "--password-stdin"]);
    expect(ambiguous).toMatchObject({ code: 2, stdinRead: false });
    expect(ambiguous.err).toMatch(/^users: Option '--role' argument is ambiguous/);
  });

  it("answers usage mistakes with the usage text and exit code 2", async () => {
    for (const args of [[], ["frob"], ["add", "a@b.example"], ["add", "a@b.example", "--role"], ["set-role", "a@b.example"], ["list", "extra"]]) {
      const result = await run(args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.err).toContain("Usage: npm run users -- <command>");
    }
  });
});
