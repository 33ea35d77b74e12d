import type { Kysely } from "kysely";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { recallUser, rememberUser, usersForgottenCount } from "@/lib/auth/session-memory";
import { userChanges } from "@/lib/auth/user-changes";
import type { Database, User } from "@/lib/db/schema";
import { connectRedis, disconnectRedis, sharedRedis } from "@/lib/redis/connection";
import { listenForInvalidations, publishInvalidation } from "@/lib/redis/invalidations";
import { memoryDatabase } from "@/lib/testing/memory-db";
import { hasRedisServer, redisInstances, startRedis, within, type RedisServer } from "@/lib/testing/redis";
import { tokenChanges } from "@/lib/tokens/token-changes";
import { createToken } from "@/lib/tokens/token-store";
import { withCommandRedis } from "@/lib/users/command-redis";
import { runUsersCommand } from "@/lib/users/users-command";
import { addUser, setRole } from "@/lib/users/users";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));



describe("remembering users around a change (no Redis needed)", () => {
  it("a read that began before a change is not remembered after it", () => {
    const user = { id: "u-race" } as User;
    const readSince = usersForgottenCount();
    // The change lands (and is announced) while the old row is on its way from the store.
    void userChanges.announce("u-someone-else");
    rememberUser("u-race", user, Date.now() + 30_000, readSince);
    expect(recallUser("u-race")).toBeUndefined();
    rememberUser("u-race", user, Date.now() + 30_000, usersForgottenCount());
    expect(recallUser("u-race")).toEqual({ user });
  });

  it("without REDIS_URL users are remembered a second", () => {
    expect(userChanges.rememberMs()).toBe(1_000);
  });
});

describe.skipIf(!hasRedisServer())("user changes across instances, through Redis", () => {
  let server: RedisServer;
  let db: Kysely<Database>;
  let admin: User;
  let member: User;
  const instances = redisInstances(() => server.url);

  /** Another instance: its own connections and its own memory of users (ids it remembers). */
  async function otherInstance(...remembered: string[]) {
    const redis = await instances.instance("other");
    const kept = new Set(remembered);
    const heard: string[] = [];
    const handlers = { forget: (id: string) => (heard.push(id), kept.delete(id)), forgetAll: () => (heard.push("*"), kept.clear()) };
    await listenForInvalidations(redis, userChanges.channel, handlers).ready;
    const tokensHeard: string[] = [];
    await listenForInvalidations(redis, tokenChanges.channel, { forget: (prefix) => tokensHeard.push(prefix), forgetAll: () => {} }).ready;
    return { redis, kept, heard, tokensHeard };
  }

  async function command(args: string[], env = { REDIS_URL: server.url }, stdin = "") {
    const warnings: string[] = [];
    const out: string[] = [];
    const code = await withCommandRedis(env, (line) => warnings.push(line), () =>
      runUsersCommand(db, args, { readStdin: async () => stdin, out: (line) => out.push(line), err: (line) => out.push(line) }),
    );
    return { code, warnings, out };
  }

  beforeAll(async () => {
    server = await startRedis();
  });
  beforeEach(async () => {
    db = await memoryDatabase();
    // Without passwords: hashing is slow on purpose, and nothing here signs in.
    admin = await addUser(db, { email: "ana@studio.example", role: "admin" });
    member = await addUser(db, { email: "ben@studio.example", role: "member" });
  });
  afterEach(async () => {
    await disconnectRedis();
    await db.destroy();
  });
  afterAll(async () => {
    instances.disconnectAll();
    await server?.stop();
  });

  it("two instances remember a user: a change on one makes the other forget within 100 ms, both ways", async () => {
    // This process is one instance: connected and listening, as instrumentation-node.ts starts it.
    const here = connectRedis(server.url, "here");
    await userChanges.start(here).ready;
    expect(userChanges.rememberMs()).toBe(30_000);
    const other = await otherInstance(member.id, admin.id);

    rememberUser(member.id, member, Date.now() + 30_000);
    await setRole(db, member.email, "viewer");
    expect(recallUser(member.id)).toBeUndefined();
    expect(await within(100, () => !other.kept.has(member.id))).toBeLessThan(100);
    expect(other.kept.has(admin.id)).toBe(true);

    // The other way: the other instance announces, this one forgets without doing anything.
    rememberUser(admin.id, admin, Date.now() + 30_000);
    expect(await publishInvalidation(other.redis, userChanges.channel, admin.id)).toBe(true);
    await within(100, () => recallUser(admin.id) === undefined);
  });

  it("the users command announces each change it makes (connect, publish, quit)", async () => {
    const other = await otherInstance();
    const changes: [string[], string?][] = [
      [["set-role", member.email, "viewer"]],
      [["disable", member.email]],
      [["enable", member.email]],
      [["set-password", member.email, "--password-stdin"], "another long password\n"],
      [["sign-out-everywhere", member.email]],
      [["remove", member.email]],
    ];
    for (const [args, stdin] of changes) {
      const heardBefore = other.heard.length;
      const result = await command(args, { REDIS_URL: server.url }, stdin);
      expect(result).toMatchObject({ code: 0, warnings: [] });
      await within(100, () => other.heard.length > heardBefore);
      expect(other.heard.slice(heardBefore)).toEqual([member.id]);
    }
  });

  it("a refused change announces nothing", async () => {
    const other = await otherInstance();
    const result = await command(["disable", admin.email]);
    expect(result.code).toBe(1);
    await sleep(150);
    expect(other.heard).toEqual([]);
  });

  it("revoking a token from the users command is announced on atelier:tokens-revoked", async () => {
    const other = await otherInstance();
    const { row } = await createToken(db, { owner: member, name: "ci", expiresInDays: null });
    const result = await command(["token", "revoke", row.prefix]);
    expect(result.code).toBe(0);
    await within(100, () => other.tokensHeard.includes(row.prefix));
  });

  it("a Redis that does not answer: the command says so, still makes the change, and exits", async () => {
    const other = await otherInstance();
    const closed = await startRedis();
    await closed.stop();
    const started = Date.now();
    const result = await command(["disable", member.email], { REDIS_URL: closed.url });
    expect(result.code).toBe(0);
    expect(result.warnings).toEqual([expect.stringContaining("running instances are not told")]);
    expect(result.warnings.join()).not.toContain(String(closed.port));
    expect(Date.now() - started).toBeLessThan(5_000);
    const { findUserByEmail } = await import("@/lib/users/users");
    expect((await findUserByEmail(db, member.email))?.disabled_at).not.toBeNull();
    expect(other.heard).toEqual([]);
  });

  it("without REDIS_URL the command connects to nothing and says nothing", async () => {
    const warnings: string[] = [];
    const connected = await withCommandRedis({}, (line) => warnings.push(line), async () => sharedRedis());
    expect(connected).toBeNull();
    expect(warnings).toEqual([]);
  });
});
