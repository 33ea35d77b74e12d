import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, expect, it } from "vitest";
import { setCap, TEAM_SCOPE } from "@/lib/budgets/caps";
import { spendMonth } from "@/lib/budgets/month";
import { monthSpend } from "@/lib/budgets/spend";
import { migrateToLatest, openDatabase } from "@/lib/db/connect";
import { addUser } from "@/lib/users/users";

/**
 * Two processes on one SQLite file (a second server, or the users command beside the
 * server): each reservation takes the write lock first (BEGIN IMMEDIATE) and the other
 * process waits for it (busy_timeout), so the cap holds across processes too and no
 * reservation fails with SQLITE_BUSY instead of an answer.
 */
const run = promisify(execFile);
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

it("holds a team cap across two processes reserving at once: 100 + 100 against a cap that fits 3", async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-reserve-"));
  folders.push(folder);
  const file = path.join(folder, "store.db");
  const db = openDatabase(`file:${file}`);
  await migrateToLatest(db);
  const ana = await addUser(db, { email: "ana@example.com", role: "member" });
  const ben = await addUser(db, { email: "ben@example.com", role: "member" });
  await setCap(db, TEAM_SCOPE, 0.6, null);

  // Both start at the same moment, after their (slow) start-up.
  const startAt = String(Date.now() + 4_000);
  const worker = (userId: string, prefix: string) =>
    run(process.execPath, ["--import", "tsx", "lib/budgets/testing/reserve-worker.ts", file, userId, "100", "0.2", prefix, startAt], { cwd: process.cwd() }).then(
      ({ stdout }) => JSON.parse(stdout.trim().split("\n").pop()!) as { ok: number; refused: number; errors: string[] },
    );
  const [a, b] = await Promise.all([worker(ana.id, "a"), worker(ben.id, "b")]);
  expect([...a.errors, ...b.errors]).toEqual([]);
  expect(a.ok + b.ok).toBe(3);
  expect(a.refused + b.refused).toBe(197);
  expect(await monthSpend(db, spendMonth(Date.now()), TEAM_SCOPE)).toBeCloseTo(0.6, 9);
  await db.destroy();
});
