import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database, User } from "@/lib/db/schema";
import { memoryDatabase } from "@/lib/testing/memory-db";
import { parseToken, secretMatches } from "@/lib/tokens/token-format";
import { createToken, findTokenByPrefix, listTokens, revokeToken, touchLastUsed } from "@/lib/tokens/token-store";
import { addUser, removeUser } from "@/lib/users/users";

const NOW = 1_800_000_000_000;
let db: Kysely<Database>;
let member: User;
let admin: User;

beforeEach(async () => {
  db = await memoryDatabase();
  member = await addUser(db, { email: "ana@x.example", role: "member" });
  admin = await addUser(db, { email: "bo@x.example", role: "admin" });
});
afterEach(async () => {
  await db.destroy();
});

describe("token store", () => {
  it("keeps only the prefix and a hash of the secret, with the owner's role by default", async () => {
    const { token, row } = await createToken(db, { owner: member, name: "  ci-script ", expiresInDays: 30 }, NOW);
    const stored = await findTokenByPrefix(db, parseToken(token)!.prefix);
    expect(stored).toEqual(row);
    expect(stored).toMatchObject({ name: "ci-script", role: "member", user_id: member.id, created_at: NOW, expires_at: NOW + 30 * 86_400_000 });
    expect(JSON.stringify(stored)).not.toContain(parseToken(token)!.secret);
    expect(secretMatches(parseToken(token)!.secret, stored!.secret_hash)).toBe(true);
  });

  it("refuses a role above the owner's, a blank name, a bad expiry and a disabled owner", async () => {
    await expect(createToken(db, { owner: member, name: "x", role: "admin", expiresInDays: null })).rejects.toMatchObject({ code: "role_too_high", field: "role" });
    await expect(createToken(db, { owner: member, name: "  ", expiresInDays: null })).rejects.toMatchObject({ code: "invalid_input", field: "name" });
    await expect(createToken(db, { owner: member, name: "x", expiresInDays: 0 })).rejects.toMatchObject({ code: "invalid_input", field: "expires_in_days" });
    await expect(createToken(db, { owner: { ...member, disabled_at: 1 }, name: "x", expiresInDays: null })).rejects.toMatchObject({ code: "owner_disabled" });
    expect(await listTokens(db)).toEqual([]);
  });

  it("lists one owner's tokens, or everyone's with their owner, newest first", async () => {
    await createToken(db, { owner: member, name: "old", expiresInDays: null }, NOW);
    await createToken(db, { owner: admin, name: "admin's", role: "viewer", expiresInDays: 7 }, NOW + 1);
    await createToken(db, { owner: member, name: "new", expiresInDays: null }, NOW + 2);
    expect((await listTokens(db, member.id)).map((t) => t.name)).toEqual(["new", "old"]);
    expect((await listTokens(db)).map((t) => [t.name, t.owner_email])).toEqual([
      ["new", "ana@x.example"],
      ["admin's", "bo@x.example"],
      ["old", "ana@x.example"],
    ]);
  });

  it("revokes once: a second revocation changes nothing", async () => {
    const { row } = await createToken(db, { owner: member, name: "ci", expiresInDays: null }, NOW);
    expect(await revokeToken(db, row.id, NOW + 5)).toMatchObject({ changed: true, row: { revoked_at: NOW + 5 } });
    expect(await revokeToken(db, row.id, NOW + 9)).toMatchObject({ changed: false, row: { revoked_at: NOW + 5 } });
    await expect(revokeToken(db, "nope")).rejects.toMatchObject({ code: "not_found" });
  });

  it("writes the last-used time at most once a minute", async () => {
    const { row } = await createToken(db, { owner: member, name: "ci", expiresInDays: null }, NOW);
    expect(await touchLastUsed(db, row.id, NOW + 10)).toBe(true);
    expect(await touchLastUsed(db, row.id, NOW + 30_000)).toBe(false);
    expect((await findTokenByPrefix(db, row.prefix))!.last_used_at).toBe(NOW + 10);
    expect(await touchLastUsed(db, row.id, NOW + 60_010)).toBe(true);
    expect((await findTokenByPrefix(db, row.prefix))!.last_used_at).toBe(NOW + 60_010);
  });

  it("removes a removed user's tokens with them", async () => {
    const { row } = await createToken(db, { owner: member, name: "ci", expiresInDays: null }, NOW);
    await removeUser(db, member.email);
    expect(await findTokenByPrefix(db, row.prefix)).toBeUndefined();
  });
});
