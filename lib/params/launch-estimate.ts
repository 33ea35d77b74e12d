import type { Model, ModelParam } from "@/lib/flora/schemas";
import { creditsToUsd } from "@/lib/money";

/**
 * What a launch should cost, from GET /models' `estimated_credits` (per output, at the
 * model's defaults) times the launch's count param (`num_images`, `num_outputs`, …).
 * The catalogue says nothing of per-second pricing, so a duration is never multiplied:
 * a duration other than the default is named as a reason the figure may differ.
 */
export interface LaunchEstimate {
  credits: number;
  usd: number;
  unitCredits: number;
  unitUsd: number;
  /** The count param and its value, when the model has one. */
  count: { name: string; label: string; value: number } | null;
  /** Why the real charge may differ from the figure. */
  caveats: string[];
}

const COUNT_NAME = /^(num_[a-z]+|n|count|batch_size)$/;
const DURATION_NAME = /^duration(_s|_seconds|_sec)?$/;

export const isCountParam = (param: ModelParam) => (param.type === "int" || param.type === "int?") && COUNT_NAME.test(param.name);

function numberOf(value: unknown): number | null {
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof number === "number" && Number.isFinite(number) ? number : null;
}

/** The model's estimate for these params (the values about to be sent; absent ones take the default). */
export function estimateLaunch(model: Pick<Model, "estimated_credits" | "params">, params: Record<string, unknown>): LaunchEstimate {
  const countParam = model.params.find(isCountParam);
  let count: LaunchEstimate["count"] = null;
  if (countParam) {
    const given = numberOf(params[countParam.name]) ?? numberOf(countParam.default) ?? 1;
    count = { name: countParam.name, label: countParam.label ?? countParam.name, value: Math.max(1, Math.round(given)) };
  }
  const caveats: string[] = [];
  const duration = model.params.find((param) => DURATION_NAME.test(param.name));
  if (duration && duration.default !== undefined && duration.name in params) {
    const chosen = numberOf(params[duration.name]);
    const standard = numberOf(duration.default);
    if (chosen !== null && standard !== null && chosen !== standard) {
      caveats.push(`FLORA's figure is for the default duration (${standard} s); FLORA does not say whether ${chosen} s costs more or less.`);
    }
  }
  const unitCredits = model.estimated_credits;
  const credits = unitCredits * (count?.value ?? 1);
  return { credits, usd: creditsToUsd(credits), unitCredits, unitUsd: creditsToUsd(unitCredits), count, caveats };
}
