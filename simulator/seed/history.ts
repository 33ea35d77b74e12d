import { USD_PER_CREDIT } from "../options";
import type { GenerationType, OutputType, RunRecord } from "../runs/run-record";
import { MODELS } from "./models";
import { mulberry32, pick, randInt, randomId, weighted, type Rng } from "./prng";
import { errorMessageFor } from "./sample-texts";
import { buildTechniques, type TechniqueEntry } from "./techniques";
import { PROJECT_SEEDS } from "./workspaces";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 86_400_000;
const HISTORY_DAYS = 90;
export const SEEDED_GENERATIONS = 5000;
export const SEEDED_TECHNIQUE_RUNS = 1000;

/** Newest seeded runs still in flight at start: [pending-until, ends-at] relative to start. */
const LIVE_GENERATIONS: readonly [number, number][] = [
  [45 * SECOND, 150 * SECOND], [20 * SECOND, 200 * SECOND], [-30 * SECOND, 60 * SECOND],
  [-40 * SECOND, 120 * SECOND], [-50 * SECOND, 240 * SECOND], [-60 * SECOND, 300 * SECOND],
];
const LIVE_TECHNIQUE_RUNS: readonly [number, number][] = [[30 * SECOND, 180 * SECOND], [-20 * SECOND, 150 * SECOND]];

const RUNTIME_MS: Record<GenerationType, [number, number]> = {
  image: [4 * SECOND, 30 * SECOND], video: [45 * SECOND, 240 * SECOND],
  audio: [6 * SECOND, 60 * SECOND], text: [2 * SECOND, 20 * SECOND],
};
const ERROR_CODES = [
  ["provider_error", 4], ["safety_blocked", 3], ["model_timeout", 2], ["input_unreachable", 1], ["internal_error", 1],
] as const;

/** Creation times, newest first, denser during working hours like a real team's. */
function creationTimes(rng: Rng, count: number, start: number): number[] {
  const times: number[] = [];
  while (times.length < count) {
    const at = start - 5 * MINUTE - Math.floor(rng() * (HISTORY_DAYS * DAY - 5 * MINUTE));
    const hour = new Date(at).getUTCHours();
    if (rng() < (hour >= 8 && hour <= 20 ? 1 : 0.25)) times.push(at);
  }
  return times.sort((a, b) => b - a);
}

interface Timing { createdAt: number; startedAt: number; endsAt: number }

function timing(rng: Rng, index: number, createdAt: number, live: readonly [number, number][], start: number, runtime: [number, number]): Timing {
  const inFlight = live[index];
  if (inFlight) {
    const created = start - (index + 1) * 7 * SECOND;
    return { createdAt: created, startedAt: Math.max(created + SECOND, start + inFlight[0]), endsAt: start + inFlight[1] };
  }
  const startedAt = createdAt + randInt(rng, 200, 15 * SECOND);
  return { createdAt, startedAt, endsAt: startedAt + randInt(rng, runtime[0], runtime[1]) };
}

function failure(rng: Rng, failRate: number): Pick<RunRecord, "outcome" | "errorCode" | "errorMessage" | "failProgress"> {
  const failProgress = randInt(rng, 5, 95);
  if (rng() >= failRate) return { outcome: "completed", failProgress };
  const errorCode = weighted(rng, ERROR_CODES);
  return { outcome: "failed", errorCode, errorMessage: errorMessageFor(errorCode), failProgress };
}

const round = (usd: number) => Math.round(usd * 10_000) / 10_000;

function uniqueId(rng: Rng, taken: Set<string>): string {
  let id = randomId(rng, "run_", 16);
  while (taken.has(id)) id = randomId(rng, "run_", 16);
  taken.add(id);
  return id;
}

const PROJECT_WEIGHTS = PROJECT_SEEDS.map((project) => [project, project.weight] as const);

export function seedGenerations(rng: Rng, start: number, taken: Set<string>): RunRecord[] {
  return creationTimes(rng, SEEDED_GENERATIONS, start).map((at, index) => {
    const project = weighted(rng, PROJECT_WEIGHTS);
    const type = weighted<GenerationType>(rng, [["image", 55], ["video", 18], ["audio", 12], ["text", 15]]);
    const model = weighted(rng, MODELS.filter((m) => m.type === type).map((m) => [m, m.beta ? 1 : 4] as const));
    const count = type === "image" ? weighted(rng, [[1, 6], [2, 1.5], [4, 2.5]]) : 1;
    const outputs: OutputType[] = Array.from({ length: count }, () => `${type}Url` as OutputType);
    if (type === "text") outputs.splice(0, 1, "text");
    if (rng() < (type === "text" ? 0.15 : 0.02)) outputs.push("documentUrl");
    const fate = index === 5 ? { outcome: "failed" as const, errorCode: "model_timeout",
      errorMessage: errorMessageFor("model_timeout"), failProgress: 80 } : failure(rng, type === "video" ? 0.14 : 0.08);
    return {
      id: uniqueId(rng, taken), kind: "generation", workspaceId: project.workspace, projectId: project.id,
      modelId: model.model_id, ...timing(rng, index, at, LIVE_GENERATIONS, start, RUNTIME_MS[type]), ...fate,
      cost: round(model.estimated_credits * count * USD_PER_CREDIT), outputs,
    };
  });
}

export function seedTechniqueRuns(rng: Rng, start: number, taken: Set<string>, techniques: readonly TechniqueEntry[]): RunRecord[] {
  return creationTimes(rng, SEEDED_TECHNIQUE_RUNS, start).map((at, index) => {
    const { technique, workspaceIds } = pick(rng, techniques);
    const workspace = pick(rng, workspaceIds);
    const project = weighted(rng, PROJECT_WEIGHTS.filter(([p]) => p.workspace === workspace));
    const outputs = technique.outputs.filter((output) => !output.optional || rng() < 0.7).map((output) => output.type);
    return {
      id: uniqueId(rng, taken), kind: "technique", workspaceId: workspace, projectId: project.id,
      techniqueId: technique.technique_id,
      ...timing(rng, index, at, LIVE_TECHNIQUE_RUNS, start, [20 * SECOND, 270 * SECOND]), ...failure(rng, 0.1),
      cost: round(technique.run_cost * USD_PER_CREDIT), outputs,
    };
  });
}

export interface SeededHistory {
  techniques: TechniqueEntry[];
  generations: RunRecord[];
  techniqueRuns: RunRecord[];
}

/** The whole seeded history, newest first; pure in (seed, start). */
export function buildHistory(seed: number, start: number): SeededHistory {
  const rng = mulberry32(seed);
  const taken = new Set<string>();
  const techniques = buildTechniques(start);
  const generations = seedGenerations(rng, start, taken);
  const techniqueRuns = seedTechniqueRuns(rng, start, taken, techniques);
  return { techniques, generations, techniqueRuns };
}
