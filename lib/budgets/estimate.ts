import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { techniqueCostUsd } from "@/lib/money";

/**
 * What a launch is reserved before FLORA says what it costs. A technique states its price
 * (`run_cost`, read as credits: see lib/money.ts). A model does not, per launch, so the
 * estimate is the most FLORA has charged for that model in the store (a safe upper guess
 * for its usual params), or `fallbackUsd` (BUDGET_DEFAULT_ESTIMATE_USD) for a model never
 * charged yet, or a launch that lets FLORA choose the model.
 */
export const techniqueEstimateUsd = (runCost: number): number => Math.max(0, techniqueCostUsd(runCost));

export async function modelEstimateUsd(db: Kysely<Database>, model: string | null, fallbackUsd: number): Promise<number> {
  if (!model) return fallbackUsd;
  const row = await db
    .selectFrom("launches")
    .select((eb) => eb.fn.max("charged_usd").as("highest"))
    .where("model", "=", model)
    .where("charged_usd", "is not", null)
    .executeTakeFirst();
  const highest = row?.highest;
  return typeof highest === "number" && Number.isFinite(highest) ? highest : fallbackUsd;
}

/**
 * The highest charge is a scan of the launches (no index on model), so it is remembered
 * for a minute per model: an estimate a minute old is still an estimate, and the launch's
 * answer settles the reservation to the real charge anyway.
 */
const ESTIMATE_FRESH_MS = 60_000;

const globalEstimates = globalThis as typeof globalThis & { __atelierModelEstimates?: Map<string, { usd: number; until: number }> };
const estimates = () => (globalEstimates.__atelierModelEstimates ??= new Map());

/** Forgets remembered model estimates (a test's fresh store). */
export function forgetModelEstimates(): void {
  estimates().clear();
}

export async function rememberedModelEstimateUsd(db: Kysely<Database>, model: string | null, fallbackUsd: number, now = Date.now()): Promise<number> {
  if (!model) return fallbackUsd;
  const known = estimates().get(model);
  if (known && known.until > now) return known.usd;
  const usd = await modelEstimateUsd(db, model, fallbackUsd);
  estimates().set(model, { usd, until: now + ESTIMATE_FRESH_MS });
  return usd;
}
