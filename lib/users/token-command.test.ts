import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/schema";
import { memoryDatabase } from "@/lib/testing/memory-db";
import { parseToken, secretMatches } from "@/lib/tokens/token-format";
import { findTokenByPrefix } from "@/lib/tokens/token-store";
import { runUsersCommand } from "@/lib/users/users-command";
import { addUser } from "@/lib/users/users";

let db: Kysely<Database>;
beforeEach(async () => {
  db = await memoryDatabase();
  await addUser(db, { email: "ana@x.example", role: "member" });
});
afterEach(async () => {
  await db.destroy();
});

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runUsersCommand(db, args, { readStdin: async () => "", out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err: err.join("\n") };
}

const activity = () => db.selectFrom("activity").select(["kind", "actor_id", "subject", "detail_json"]).orderBy("at").execute();

describe("npm run users -- token", () => {
  it("adds a token, printed alone on the last line of standard output, stored only as a hash", async () => {
    const added = await run(["token", "add", "Ana@x.example", "--name", "ci-script", "--expires-days", "30"]);
    expect(added.code).toBe(0);
    const token = added.out.at(-1)!;
    const parts = parseToken(token)!;
    expect(parts).not.toBeNull();
    const stored = await findTokenByPrefix(db, parts.prefix);
    expect(stored).toMatchObject({ name: "ci-script", role: "member" });
    expect(stored!.expires_at! - stored!.created_at).toBe(30 * 86_400_000);
    expect(secretMatches(parts.secret, stored!.secret_hash)).toBe(true);
    expect(added.out.slice(0, -1).join("\n")).not.toContain(parts.secret);
    expect(await activity()).toEqual([
      { kind: "token_created", actor_id: null, subject: parts.prefix, detail_json: expect.stringMatching(/"owner":"ana@x.example".*"via":"users_command"/) },
    ]);
  });

  it("lists a user's tokens, then revokes one by its prefix, once", async () => {
    const token = (await run(["token", "add", "ana@x.example", "--name", "nightly"])).out.at(-1)!;
    const prefix = parseToken(token)!.prefix;
    const listed = await run(["token", "list", "ana@x.example"]);
    expect(listed.code).toBe(0);
    expect(listed.out).toEqual([expect.stringMatching(new RegExp(`^${prefix}\tnightly\tmember\tactive\tcreated \\d{4}-\\d\\d-\\d\\d\texpires -\tlast used -$`))]);

    expect(await run(["token", "revoke", prefix])).toMatchObject({ code: 0, out: [expect.stringMatching(/^Revoked atl_/)] });
    expect((await findTokenByPrefix(db, prefix))!.revoked_at).not.toBeNull();
    expect((await run(["token", "list", "ana@x.example"])).out[0]).toContain("\trevoked\t");
    expect(await run(["token", "revoke", prefix])).toMatchObject({ code: 0, out: [expect.stringContaining("already revoked")] });
    expect((await activity()).map((entry) => entry.kind)).toEqual(["token_created", "token_revoked"]);
  });

  it.each([
    [["token", "add", "ana@x.example"], 2, /needs --name/],
    [["token", "add", "ana@x.example", "--name", "x", "--expires-days", "0"], 2, /--expires-days/],
    [["token", "add", "ana@x.example", "--name", "x", "--expires-days", "7.5"], 2, /--expires-days/],
    [["token", "add", "ana@x.example", "--name", "x", "--role", "admin"], 1, /higher role than its owner/],
    [["token", "add", "nobody@x.example", "--name", "x"], 1, /No user has the email/],
    [["token", "revoke", "atl_notthere"], 1, /No token has the prefix/],
    [["token", "revoke", "sk_live"], 2, /not a token prefix/],
    [["token", "list"], 2, /token list takes one EMAIL/],
    [["token", "rotate", "x"], 2, /Unknown token command/],
  ])("refuses %j", async (args, code, message) => {
    const result = await run(args);
    expect(result.code).toBe(code);
    expect(result.err).toMatch(message);
    expect(result.out).toEqual([]);
  });

  it("lists the token commands in the usage", async () => {
    const result = await run(["nope"]);
    expect(result.err).toContain("token add EMAIL --name NAME [--expires-days N]");
    expect(result.err).toContain("token revoke TOKEN_PREFIX");
  });
});
