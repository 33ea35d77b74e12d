import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db/schema";
import { parseEnv } from "@/lib/env-schema";
import { startFixture, type SimFixture } from "@/simulator/testing/sim-fixture";

/**
 * The proof of §4: a backup taken while 50 launches run through the real launch path
 * (launchRun → the simulator → the store) holds every launch confirmed before it began, and
 * the restored store opens and migrates cleanly. The store is a file, as in production; the
 * backup reads it through its own connection, as `npm run db:backup` does from its process.
 */
vi.mock("@/lib/log", () => ({ log: { warn: vi.fn(), info: vi.fn(), error: vi.fn(), debug: vi.fn() }, describeError: (e: unknown) => ({ error: String(e) }) }));
const state = vi.hoisted(() => ({ env: undefined as unknown, db: undefined as unknown }));
vi.mock("@/lib/env", () => ({ getEnv: () => state.env }));
vi.mock("@/lib/db", () => ({ getDb: async () => state.db }));

const { launchRun } = await import("@/lib/launches/launch-service");
const { addUser } = await import("@/lib/users/users");
const { migrateToLatest, openDatabase } = await import("@/lib/db/connect");
const { backupSqlite } = await import("@/lib/backup/sqlite-backup");
const { restoreSqlite } = await import("@/lib/backup/sqlite-restore");

let fixture: SimFixture;
let dir: string;
let db: Kysely<Database>;

beforeAll(async () => {
  fixture = await startFixture({ runSeconds: 1, rateLimitPerMinute: 0 });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-backup-race-"));
  state.env = parseEnv({
    FLORA_API_KEY: fixture.sim.options.apiKey,
    FLORA_BASE_URL: fixture.sim.baseURL,
    AUTH_SECRET: "x".repeat(32),
    ARCHIVE_RUNS: "none",
    ARCHIVE_DIR: path.join(dir, "archive"),
  });
  db = openDatabase(`file:${path.join(dir, "live.db")}`);
  await migrateToLatest(db);
  state.db = db;
});
afterAll(async () => {
  await db.destroy();
  await fixture.sim.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const PLACE = { workspace_id: "ws_northwind", project_id: "prj_springcampaign" };

describe("db:backup during 50 concurrent launches", () => {
  it("keeps every launch confirmed before the backup began, and the restored store migrates cleanly", async () => {
    const ana = await addUser(db, { email: "ana@example.com", role: "member" });
    const ben = await addUser(db, { email: "ben@example.com", role: "member" });
    // Ballast, so the store spans several hundred pages and the backup needs more than one
    // step: writes between steps make SQLite restart the copy, which is the case to survive.
    await db
      .insertInto("activity")
      .values(Array.from({ length: 1500 }, (_, i) => ({ id: `ballast-${i}`, at: i, kind: "ballast", actor_id: null, actor_email: null, subject: null, detail_json: "x".repeat(400) })))
      .execute();
    // Each launch waits upstream a while, so launches are still in flight when the backup runs.
    await fixture.control("/faults", { method: "POST", path: "/generate", times: 50, fault: { kind: "delay", ms: 150 } });

    let backupStarted = false;
    let startBackup!: () => void;
    const backupBegins = new Promise<void>((resolve) => (startBackup = resolve));
    const confirmedBefore = new Set<string>();
    let confirmedAfter = 0;
    // 20 launches go at once; the other 30 are let go the moment the backup begins, so the
    // backup always overlaps launches being written, however slow the machine is.
    const launches = Array.from({ length: 50 }, async (_, i) => {
      await (i < 20 ? sleep(i * 5) : backupBegins);
      const { response } = await launchRun(
        { kind: "generation", body: { type: "image", prompt: `shot ${i}`, model: "t2i-flux-2-pro", ...PLACE } },
        { user: i % 2 ? ana : ben, token: null },
        `race-${i}`,
      );
      if (backupStarted) confirmedAfter += 1;
      else confirmedBefore.add(response.run_id);
      return response.run_id;
    });

    while (confirmedBefore.size < 15) await sleep(5);
    backupStarted = true;
    startBackup();
    const backupFile = path.join(dir, "backups", "mid-launch.db");
    const backup = await backupSqlite(path.join(dir, "live.db"), backupFile);
    const allRunIds = await Promise.all(launches);

    // The backup really was taken mid-way: launches were confirmed on both sides of it.
    expect(confirmedBefore.size).toBeGreaterThanOrEqual(15);
    expect(confirmedAfter).toBeGreaterThanOrEqual(30);
    expect(new Set(allRunIds).size).toBe(50);
    expect(backup.bytes).toBe(fs.statSync(backupFile).size);

    const target = path.join(dir, "restored", "atelier.db");
    const restored = await restoreSqlite(backupFile, target);
    expect(restored.migrated).toEqual([]);

    const reopened = openDatabase(`file:${target}`);
    try {
      expect(await migrateToLatest(reopened)).toEqual([]);
      const rows = await reopened.selectFrom("launches").select(["run_id", "status", "user_email"]).execute();
      const confirmed = new Map(rows.filter((row) => row.status === "confirmed").map((row) => [row.run_id, row]));
      for (const runId of confirmedBefore) expect(confirmed.get(runId), `launch of ${runId}`).toBeDefined();
      // Nothing torn: every launch in the backup is one the live store has too.
      expect(rows.every((row) => row.run_id === null || allRunIds.includes(row.run_id))).toBe(true);
      expect(await reopened.selectFrom("users").select("email").orderBy("email").execute()).toEqual([{ email: "ana@example.com" }, { email: "ben@example.com" }]);
      const ballast = await reopened.selectFrom("activity").select((eb) => eb.fn.countAll<number>().as("n")).where("kind", "=", "ballast").executeTakeFirstOrThrow();
      expect(Number(ballast.n)).toBe(1500);
    } finally {
      await reopened.destroy();
    }
  }, 60_000);
});
