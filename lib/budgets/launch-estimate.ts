import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { loadTechnique } from "@/lib/flora/reads";
import { rememberedModelEstimateUsd, techniqueEstimateUsd } from "@/lib/budgets/estimate";
import type { LaunchRequest } from "@/lib/launches/launch-service";

/**
 * The estimate a launch reserves. The technique is read from the catalogue cache the
 * gateway's input check has just filled, so this costs FLORA nothing more.
 */
export async function estimateLaunchUsd(db: Kysely<Database>, request: LaunchRequest): Promise<number> {
  if (request.kind === "technique") return techniqueEstimateUsd((await loadTechnique(request.techniqueId)).run_cost);
  return rememberedModelEstimateUsd(db, request.body.model ?? null, getEnv().BUDGET_DEFAULT_ESTIMATE_USD);
}
