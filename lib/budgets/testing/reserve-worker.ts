/**
 * A second process reserving against the same store, for reserve-processes.test.ts:
 *   node --import tsx lib/budgets/testing/reserve-worker.ts FILE USER_ID COUNT USD PREFIX START_AT
 * waits until START_AT (unix ms, so both processes start together), fires COUNT
 * reservations at once and prints { ok, refused, errors } as JSON.
 */
import { openDatabase } from "../../db/connect";
import { intentRow } from "../../launches/launch-store";
import { BudgetExceededError, reserveLaunch } from "../reserve";

const [file, userId, count, usd, prefix, startAt] = process.argv.slice(2);
const db = openDatabase(`file:${file}`);
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
try {
  const results = await Promise.allSettled(
    Array.from({ length: Number(count) }, (_, i) =>
      reserveLaunch(
        db,
        intentRow({ kind: "generation", userId: userId!, userEmail: "worker@example.com", type: "image", model: "m", techniqueId: null, prompt: "p", params: {}, workspaceId: null, projectId: null, idempotencyKey: `${prefix}-${i}` }),
        Number(usd),
      ),
    ),
  );
  const errors = results.filter((r) => r.status === "rejected" && !(r.reason instanceof BudgetExceededError)).map((r) => String((r as PromiseRejectedResult).reason));
  console.log(
    JSON.stringify({
      ok: results.filter((r) => r.status === "fulfilled").length,
      refused: results.filter((r) => r.status === "rejected" && r.reason instanceof BudgetExceededError).length,
      errors,
    }),
  );
} finally {
  await db.destroy();
}
