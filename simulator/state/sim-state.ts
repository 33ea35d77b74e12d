import { FaultRegistry } from "../faults/fault-registry";
import type { SimulatorOptions } from "../options";
import type { RunRecord } from "../runs/run-record";
import { RunStore } from "../runs/run-store";
import { buildHistory } from "../seed/history";
import { MODELS, type Model } from "../seed/models";
import type { TechniqueEntry } from "../seed/techniques";
import { buildProjects, buildWorkspaces, type Project, type Workspace } from "../seed/workspaces";
import { WebhookSender } from "../webhooks/webhook-sender";
import { CreditLedger } from "./credits";
import { IdempotencyRegistry } from "./idempotency";
import { RateLimiter } from "./rate-limit";
import { RequestLog } from "./request-log";

/** Everything the simulator knows; one per running server. */
export class SimState {
  readonly now: () => number;
  /** Set once the server listens (the port may have been 0). */
  publicUrl = "";
  readonly workspaces: readonly Workspace[];
  readonly projects: readonly Project[];
  readonly models: readonly Model[] = MODELS;
  readonly techniques: readonly TechniqueEntry[];
  readonly generations: RunStore;
  readonly techniqueRuns: RunStore;
  readonly credits: CreditLedger;
  readonly idempotency: IdempotencyRegistry;
  readonly rateLimiter: RateLimiter;
  readonly faults = new FaultRegistry(() => this.now());
  readonly requestLog = new RequestLog();
  readonly webhooks: WebhookSender;
  /** Runs whose media the tests made expire (POST /_sim/media/forget): their URLs answer 410. */
  readonly forgottenMedia = new Set<string>();

  constructor(readonly options: SimulatorOptions) {
    this.now = options.now ?? Date.now;
    const start = this.now();
    const history = buildHistory(options.seed, start);
    this.techniques = history.techniques;
    this.generations = new RunStore("generations", history.generations);
    this.techniqueRuns = new RunStore("technique_runs", history.techniqueRuns);
    this.workspaces = buildWorkspaces(start);
    this.projects = buildProjects(start, newestRunPerProject([...history.generations, ...history.techniqueRuns]));
    this.credits = new CreditLedger(options.credits);
    this.idempotency = new IdempotencyRegistry(this.now);
    this.rateLimiter = new RateLimiter(options.rateLimitPerMinute, this.now);
    this.webhooks = new WebhookSender(options.webhookSecret, this.now);
  }

  findRun(id: string): RunRecord | undefined {
    return this.generations.get(id) ?? this.techniqueRuns.get(id);
  }

  findTechnique(id: string): TechniqueEntry | undefined {
    return this.techniques.find((entry) => entry.technique.technique_id === id);
  }

  /** Back to the seeded state: created runs, keys, faults, log, limits and credits go. */
  reset(): void {
    this.generations.reset();
    this.techniqueRuns.reset();
    this.idempotency.clear();
    this.faults.clear();
    this.requestLog.clear();
    this.rateLimiter.clear();
    this.credits.set(this.options.credits);
    this.webhooks.cancelAll();
    this.forgottenMedia.clear();
  }
}

function newestRunPerProject(runs: readonly RunRecord[]): Map<string, number> {
  const newest = new Map<string, number>();
  for (const run of runs) newest.set(run.projectId, Math.max(newest.get(run.projectId) ?? 0, run.createdAt));
  return newest;
}
