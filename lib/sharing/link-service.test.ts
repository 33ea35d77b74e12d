import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database, User } from "@/lib/db/schema";
import { memoryDatabase } from "@/lib/testing/memory-db";
import { insertionOrder } from "@/lib/testing/insertion-order";
import { createLinkAs, linksVisibleTo, noteOpened, resolveLink, revokeLinkAs } from "@/lib/sharing/link-service";
import { findLinkByToken } from "@/lib/sharing/link-store";
import { generateLinkToken, LINK_TOKEN_BYTES, linkTokenPrefix } from "@/lib/sharing/link-token";
import { addUser, removeUser } from "@/lib/users/users";

const NOW = 1_800_000_000_000;
const DAY = 86_400_000;
const RUN = { kind: "run" as const, runId: "run_abc", techniqueId: null };
let db: Kysely<Database>;
let member: User;
let other: User;
let admin: User;
let viewer: User;

beforeEach(async () => {
  db = await memoryDatabase();
  member = await addUser(db, { email: "ana@x.example", role: "member" });
  other = await addUser(db, { email: "bo@x.example", role: "member" });
  admin = await addUser(db, { email: "cy@x.example", role: "admin" });
  viewer = await addUser(db, { email: "di@x.example", role: "viewer" });
});
afterEach(async () => {
  await db.destroy();
});

const tokenOf = (path: string) => path.replace(/^\/s\//, "");
const activity = () => db.selectFrom("activity").selectAll().orderBy("at").orderBy(insertionOrder(db)).execute();

describe("public link tokens", () => {
  it("carry 256 random bits in base64url, never repeat, and are refused when not shaped like one", () => {
    const tokens = new Set(Array.from({ length: 200 }, () => generateLinkToken().token));
    expect(tokens.size).toBe(200);
    for (const token of tokens) {
      expect(Buffer.from(token, "base64url")).toHaveLength(LINK_TOKEN_BYTES);
      expect(LINK_TOKEN_BYTES * 8).toBeGreaterThanOrEqual(128);
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    }
    expect(linkTokenPrefix("short")).toBeNull();
    expect(linkTokenPrefix(`${"a".repeat(42)}/`)).toBeNull();
  });
});

describe("making a link", () => {
  it("stores only a hash of the token, shows it once, and logs who made it", async () => {
    const created = await createLinkAs(db, member, { subject: RUN, expiresDays: 7 }, NOW);
    const token = tokenOf(created.path);
    expect(created.expires_at).toBe(NOW + 7 * DAY);
    const rows = await db.selectFrom("shared_links").selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(JSON.stringify(rows)).not.toContain(token.slice(8));
    expect(rows[0]).toMatchObject({ prefix: token.slice(0, 8), subject_kind: "run", run_id: "run_abc", show_prompt: 0, created_by: member.id, open_count: 0 });
    expect((await findLinkByToken(db, token))?.id).toBe(created.id);
    // One character off is another token, and finds nothing.
    const flipped = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    expect(await findLinkByToken(db, flipped)).toBeUndefined();
    const [entry] = await activity();
    expect(entry).toMatchObject({ kind: "share_link_created", actor_id: member.id, subject: token.slice(0, 8) });
    expect(entry!.detail_json).not.toContain(token);
    expect(JSON.parse(entry!.detail_json!)).toEqual({ run_id: "run_abc", expires_at: NOW + 7 * DAY, show_prompt: false });
  });

  it("refuses a viewer, storing and logging nothing", async () => {
    await expect(createLinkAs(db, viewer, { subject: RUN, expiresDays: 1 }, NOW)).rejects.toMatchObject({ code: "forbidden" });
    expect(await db.selectFrom("shared_links").selectAll().execute()).toEqual([]);
    expect(await activity()).toEqual([]);
  });
});

describe("resolving a token", () => {
  it("opens a live link; unknown, revoked and expired links are dead, each with its reason", async () => {
    const live = tokenOf((await createLinkAs(db, member, { subject: RUN, expiresDays: 1, showPrompt: true }, NOW)).path);
    expect(await resolveLink(db, live, NOW + 1)).toMatchObject({ live: true, link: { show_prompt: 1 } });
    expect(await resolveLink(db, live, NOW + DAY - 1)).toMatchObject({ live: true });
    expect(await resolveLink(db, live, NOW + DAY)).toEqual({ live: false, reason: "expired" });
    expect(await resolveLink(db, generateLinkToken().token, NOW)).toEqual({ live: false, reason: "unknown" });
    expect(await resolveLink(db, "not-a-token", NOW)).toEqual({ live: false, reason: "unknown" });

    const revokedLink = await createLinkAs(db, member, { subject: RUN, expiresDays: 30 }, NOW);
    expect(await resolveLink(db, tokenOf(revokedLink.path), NOW + 1)).toMatchObject({ live: true });
    await revokeLinkAs(db, member, revokedLink.id, NOW + 2);
    // The very next open: nothing is cached.
    expect(await resolveLink(db, tokenOf(revokedLink.path), NOW + 3)).toEqual({ live: false, reason: "revoked" });
  });
});

describe("listing and revoking", () => {
  it("lists one's own; everyone's only for an admin", async () => {
    await createLinkAs(db, member, { subject: RUN, expiresDays: 1 }, NOW);
    await createLinkAs(db, other, { subject: { kind: "run", runId: "run_t", techniqueId: "tech_1" }, expiresDays: 30 }, NOW + 1);
    expect((await linksVisibleTo(db, member, false, NOW)).map((link) => link.created_by_email)).toEqual([member.email]);
    await expect(linksVisibleTo(db, member, true, NOW)).rejects.toMatchObject({ code: "forbidden" });
    const all = await linksVisibleTo(db, admin, true, NOW + 2 * DAY);
    expect(all.map((link) => [link.created_by_email, link.status, link.subject])).toEqual([
      [other.email, "active", { kind: "run", run_id: "run_t", technique_id: "tech_1" }],
      [member.email, "expired", { kind: "run", run_id: "run_abc", technique_id: null }],
    ]);
    expect(JSON.stringify(all)).not.toContain("secret_hash");
  });

  it("lets the creator and an admin revoke, not another member; logs each revocation once", async () => {
    const link = await createLinkAs(db, member, { subject: RUN, expiresDays: 7 }, NOW);
    await expect(revokeLinkAs(db, other, link.id, NOW + 1)).rejects.toMatchObject({ code: "forbidden" });
    expect(await resolveLink(db, tokenOf(link.path), NOW + 1)).toMatchObject({ live: true });
    expect(await revokeLinkAs(db, admin, link.id, NOW + 2)).toMatchObject({ status: "revoked", revoked_at: NOW + 2 });
    expect(await revokeLinkAs(db, member, link.id, NOW + 3)).toMatchObject({ revoked_at: NOW + 2 });
    await expect(revokeLinkAs(db, admin, "00000000-0000-4000-8000-000000000000", NOW)).rejects.toMatchObject({ code: "not_found" });
    expect((await activity()).map((entry) => [entry.kind, entry.actor_email])).toEqual([
      ["share_link_created", member.email],
      ["share_link_revoked", admin.email],
    ]);
  });

  it("keeps a removed creator's links, without their id, for an admin to see and revoke", async () => {
    const link = await createLinkAs(db, other, { subject: RUN, expiresDays: 7 }, NOW);
    await removeUser(db, other.email);
    const [listed] = await linksVisibleTo(db, admin, true, NOW);
    expect(listed).toMatchObject({ id: link.id, created_by_email: other.email });
    expect((await db.selectFrom("shared_links").select("created_by").executeTakeFirst())?.created_by).toBeNull();
    expect(await revokeLinkAs(db, admin, link.id, NOW + 1)).toMatchObject({ status: "revoked" });
  });
});

describe("opens", () => {
  it("are counted and logged at most once a minute per link, with no actor and nothing personal", async () => {
    const token = tokenOf((await createLinkAs(db, member, { subject: RUN, expiresDays: 7 }, NOW)).path);
    const open = async (at: number) => {
      const resolved = await resolveLink(db, token, at);
      if (!resolved.live) throw new Error("dead");
      return noteOpened(db, resolved.link, at);
    };
    // A refresh loop: twenty opens in ten seconds.
    const counted = [];
    for (let i = 0; i < 20; i += 1) counted.push(await open(NOW + 1000 + i * 500));
    expect(counted.filter(Boolean)).toHaveLength(1);
    expect(await open(NOW + 1000 + 60_000)).toBe(true);
    const opened = (await activity()).filter((entry) => entry.kind === "share_link_opened");
    expect(opened).toHaveLength(2);
    expect(opened[0]).toMatchObject({ actor_id: null, actor_email: null, subject: token.slice(0, 8) });
    expect(JSON.parse(opened[0]!.detail_json!)).toEqual({ run_id: "run_abc", created_by: member.email });
    expect(await db.selectFrom("shared_links").select(["open_count", "opened_at"]).executeTakeFirst()).toEqual({ open_count: 2, opened_at: NOW + 61_000 });
  });
});
