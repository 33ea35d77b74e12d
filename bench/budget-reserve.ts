/**
 * `npm run bench:budget`: what the budget reservation adds to a launch. Side by side in one
 * process, on a file-backed SQLite store opened the way the app opens it (WAL, busy
 * timeout), already holding BENCH_BUDGET_SEED launches (default 10,000: a busy
 * team of twenty launching 500 times each a month) this month:
 *
 *   without: recordIntent, the insert every launch made before budgets;
 *   with:    the model's estimate (highest charge seen, remembered a minute per model, as
 *            the gateway does) + reserveLaunch (BEGIN IMMEDIATE, the teammate's and the
 *            team's caps, both month totals, the insert and the triggers that keep the
 *            totals, COMMIT).
 *
 * The two alternate launch by launch (BENCH_BUDGET_LAUNCHES each, default 2,000), so the
 * machine's noise falls on both. Goal: p50 added ≤ 2 ms. Everything else a launch does
 * (session, params check, the upstream call) is the same with or without budgets.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { setCap, TEAM_SCOPE } from "../lib/budgets/caps";
import { rememberedModelEstimateUsd } from "../lib/budgets/estimate";
import { spendMonth } from "../lib/budgets/month";
import { reserveLaunch } from "../lib/budgets/reserve";
import { migrateToLatest, openDatabase } from "../lib/db/connect";
import { intentRow, recordIntent, type LaunchIntent } from "../lib/launches/launch-store";
import { addUser } from "../lib/users/users";
import { percentile } from "./lib/sequential";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SEED = Number(process.env.BENCH_BUDGET_SEED ?? 10_000);
const LAUNCHES = Number(process.env.BENCH_BUDGET_LAUNCHES ?? 2_000);
const MODELS = ["t2i-flux-2-pro", "t2i-ideogram-v3", "t2v-veo-3", "t2a-elevenlabs-v3", "llm-gpt-5-mini"];

async function main() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-bench-budget-"));
  const db = openDatabase(`file:${path.join(folder, "store.db")}`);
  try {
    await migrateToLatest(db);
    const users = await Promise.all(Array.from({ length: 20 }, (_, i) => addUser(db, { email: `user${i}@bench.example`, role: "member" })));
    const now = Date.now();
    const month = spendMonth(now);
    // The month's history: charged launches spread over the users and models.
    await db.transaction().execute(async (trx) => {
      for (let start = 0; start < SEED; start += 500) {
        const rows = Array.from({ length: Math.min(500, SEED - start) }, (_, j) => {
          const i = start + j;
          const user = users[i % users.length]!;
          const charge = 0.01 * ((i % 17) + 1);
          return { ...intentRow(intent(user, MODELS[i % MODELS.length]!, `seed-${i}`), now - i * 1_000), status: "confirmed" as const, run_id: `run_seed${i}`, spend_month: month, reserved_usd: charge, charged_usd: charge };
        });
        await trx.insertInto("launches").values(rows).execute();
      }
    });
    // Caps that apply but are never reached: every reservation reads both sums.
    await setCap(db, TEAM_SCOPE, 1_000_000, null);
    for (const user of users) await setCap(db, user.id, 100_000, null);

    const without: number[] = [];
    const withBudget: number[] = [];
    const time = async (into: number[], work: () => Promise<unknown>) => {
      const started = process.hrtime.bigint();
      await work();
      into.push(Number(process.hrtime.bigint() - started) / 1e6);
    };
    for (let i = 0; i < LAUNCHES; i += 1) {
      const user = users[i % users.length]!;
      const model = MODELS[i % MODELS.length]!;
      const plain = () => recordIntent(db, intent(user, model, `plain-${i}`));
      const reserved = async () => reserveLaunch(db, intentRow(intent(user, model, `reserved-${i}`)), await rememberedModelEstimateUsd(db, model, 1));
      // Alternate which goes first, so neither always meets a warm cache.
      if (i % 2) {
        await time(without, plain);
        await time(withBudget, reserved);
      } else {
        await time(withBudget, reserved);
        await time(without, plain);
      }
    }

    const summary = (values: number[]) => ({ p50: round(percentile(values, 50)), p99: round(percentile(values, 99)) });
    const report = {
      date: new Date().toISOString(),
      seed_launches: SEED,
      launches_each: LAUNCHES,
      without: summary(without),
      with_reservation: summary(withBudget),
      added_p50_ms: round(percentile(withBudget, 50) - percentile(without, 50)),
      added_p99_ms: round(percentile(withBudget, 99) - percentile(without, 99)),
    };
    console.log(`budget reservation, ${LAUNCHES} launches each, store holding ${SEED} launches this month:`);
    console.log(`  without (recordIntent)       p50 ${report.without.p50} ms   p99 ${report.without.p99} ms`);
    console.log(`  with (estimate + reserve)    p50 ${report.with_reservation.p50} ms   p99 ${report.with_reservation.p99} ms`);
    console.log(`  added                        p50 ${report.added_p50_ms} ms (goal ≤ 2)   p99 ${report.added_p99_ms} ms`);
    const outDir = path.join(root, "bench", "results");
    fs.mkdirSync(outDir, { recursive: true });
    const outFile = path.join(outDir, `budget-reserve-${report.date.replace(/[:.]/g, "-")}.json`);
    fs.writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nfull figures: ${path.relative(root, outFile)}`);
    if (report.added_p50_ms > 2) process.exitCode = 1;
  } finally {
    await db.destroy();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

function intent(user: { id: string; email: string }, model: string, key: string): LaunchIntent {
  return { kind: "generation", userId: user.id, userEmail: user.email, type: "image", model, techniqueId: null, prompt: "a bench", params: {}, workspaceId: "ws_bench", projectId: "prj_bench", idempotencyKey: key };
}

const round = (ms: number) => Math.round(ms * 1_000) / 1_000;

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
