import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/schema";
import { allCaps } from "@/lib/budgets/caps";
import { memoryDatabase } from "@/lib/testing/memory-db";
import { runUsersCommand } from "@/lib/users/users-command";
import { addUser } from "@/lib/users/users";

let db: Kysely<Database>;
beforeEach(async () => {
  db = await memoryDatabase();
});
afterEach(async () => {
  await db.destroy();
});

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runUsersCommand(db, args, { readStdin: async () => "", out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("npm run users -- set-budget / set-team-budget", () => {
  it("sets a teammate's cap, replaces it, and removes it with none; each change is in the activity log", async () => {
    const ana = await addUser(db, { email: "ana@example.com", role: "member" });
    expect(await run(["set-budget", "Ana@Example.com", "25"])).toMatchObject({ code: 0, out: "ana@example.com's budget is now $25.00 a month." });
    expect(await run(["set-budget", "ana@example.com", "12.50"])).toMatchObject({ code: 0 });
    expect((await allCaps(db)).get(ana.id)).toBe(12.5);
    expect(await run(["set-budget", "ana@example.com", "none"])).toMatchObject({ code: 0, out: "ana@example.com's budget is now no cap." });
    expect((await allCaps(db)).has(ana.id)).toBe(false);
    const entries = await db.selectFrom("activity").selectAll().where("kind", "=", "budget_changed").orderBy("at").execute();
    expect(entries.map((entry) => JSON.parse(entry.detail_json!))).toEqual([
      { scope: "user", from_usd: null, to_usd: 25, via: "users_command" },
      { scope: "user", from_usd: 25, to_usd: 12.5, via: "users_command" },
      { scope: "user", from_usd: 12.5, to_usd: null, via: "users_command" },
    ]);
    expect(entries[0]).toMatchObject({ subject: "ana@example.com", actor_id: null });
  });

  it("sets and removes the team's cap", async () => {
    expect(await run(["set-team-budget", "100"])).toMatchObject({ code: 0, out: "The team's budget is now $100.00 a month." });
    expect((await allCaps(db)).get("team")).toBe(100);
    expect(await run(["set-team-budget", "NONE"])).toMatchObject({ code: 0 });
    expect((await allCaps(db)).size).toBe(0);
  });

  it("refuses a bad amount, a missing argument and an unknown user, changing nothing", async () => {
    await addUser(db, { email: "ana@example.com", role: "member" });
    for (const amount of ["-5", "ten", "1e3", "", "2000000", "0.1234567"]) {
      const result = await run(["set-budget", "ana@example.com", amount]);
      expect(result.code, amount).toBe(2);
      expect(result.err).toMatch(/^users: USD /);
    }
    expect(await run(["set-team-budget"])).toMatchObject({ code: 2, err: expect.stringContaining("set-team-budget takes USD.") });
    expect(await run(["set-budget", "ana@example.com"])).toMatchObject({ code: 2 });
    expect(await run(["set-budget", "nobody@example.com", "5"])).toMatchObject({ code: 1, err: "users: No user has the email nobody@example.com." });
    expect((await allCaps(db)).size).toBe(0);
    expect(await db.selectFrom("activity").selectAll().execute()).toHaveLength(0);
  });

  it("lists both commands in the usage", async () => {
    const { err } = await run(["nonsense"]);
    expect(err).toContain("set-budget EMAIL USD");
    expect(err).toContain("set-team-budget USD");
  });
});
