import { expect, type APIRequestContext, type APIResponse, type Page } from "@playwright/test";
import { LaunchForm } from "./launch-form";
import { RunPage } from "./run-page";
import {
  simulatorGet,
  simulatorKey,
  simulatorOrigin,
  simulatorRequests,
  simulatorState,
  type FaultSpec,
  type LoggedRequest,
} from "./simulator";

/**
 * The pieces the fault matrix (e2e/fault-matrix.spec.ts) drives: the gateway's deadlines,
 * timed direct requests, runs started straight on the simulator (targets no cache has
 * seen), upstream call counts, and the two launch surfaces (generation, technique run)
 * behind one shape, each with its direct request and its form.
 */

/** lib/flora/call-policy.ts: READ_POLICY and LAUNCH_POLICY. */
export const READ_DEADLINE_MS = 10_000;
export const LAUNCH_DEADLINE_MS = 30_000;
/** What the dashboard may take beyond the gateway's own timer: building the envelope. */
const ANSWER_SLACK_MS = 750;
/**
 * What the test's own round trip may add on top: with two e2e stacks on two cores, a
 * request can wait that long for the test runner and Next to get the CPU. The deadline
 * itself is held to the dashboard's Server-Timing, which that wait does not touch.
 */
const ROUND_TRIP_SLACK_MS = 3_000;

export const NORTHWIND = { workspace_id: "ws_northwind", project_id: "prj_springcampaign" } as const;

export type Fault = FaultSpec["fault"];
export const statusFault = (status: number, headers?: Record<string, string>): Fault => ({ kind: "status", status, ...(headers && { headers }) });
/** 2 bytes every 500 ms: a run, a list page or a launch's answer takes far longer than any deadline. */
export const TRICKLE: Fault = { kind: "trickle", bytesPerChunk: 2, chunkDelayMs: 500 };

export const unique = (what: string) => `fault matrix: ${what} ${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

export interface TimedAnswer {
  response: APIResponse;
  /** As the test saw it, from sending to the answer's headers. */
  ms: number;
}

export async function timed(send: () => Promise<APIResponse>): Promise<TimedAnswer> {
  const started = Date.now();
  const response = await send();
  return { response, ms: Date.now() - started };
}

/** The dashboard's own time for the answer, from its `Server-Timing: app;dur=…` header. */
export function serverMs(response: APIResponse): number {
  const duration = /(?:^|,\s*)app;dur=([\d.]+)/.exec(response.headers()["server-timing"] ?? "")?.[1];
  expect(duration, "the answer carries the dashboard's Server-Timing").toBeDefined();
  return Number(duration);
}

/** The gateway answered within its deadline, by its own clock and (more loosely) by the test's. */
export function expectWithinDeadline({ response, ms }: TimedAnswer, deadlineMs: number) {
  const ownMs = serverMs(response);
  expect(ownMs, `the dashboard answered after ${ownMs} ms`).toBeLessThan(deadlineMs + ANSWER_SLACK_MS);
  expect(ms, `the test saw the answer after ${ms} ms`).toBeLessThan(deadlineMs + ROUND_TRIP_SLACK_MS);
}

/** Starts a text generation on the simulator itself, so no dashboard cache knows it yet. */
export async function startUpstreamRun(prompt: string): Promise<string> {
  const response = await fetch(`${simulatorOrigin}/api/v1/generate`, {
    method: "POST",
    headers: { authorization: `Bearer ${simulatorKey}`, "content-type": "application/json" },
    // Not the direct launches' model: a launch reconciled by place and model never lands on one of these.
    body: JSON.stringify({ type: "text", model: "llm-claude-sonnet-4-5", prompt, ...NORTHWIND }),
  });
  if (!response.ok) throw new Error(`simulator launch answered ${response.status}`);
  return ((await response.json()) as { run_id: string }).run_id;
}

/** A run that stays running for the whole spec: a read target that changes nothing. */
export const startLongRun = () => startUpstreamRun(`[run-seconds:600] ${unique("long run")}`);

/** Waits until the simulator itself says the run ended. */
export async function waitUpstreamStatus(runId: string, status: "failed" | "completed") {
  await expect.poll(async () => (await simulatorGet<{ status: string }>(`/runs/${runId}`)).status, { timeout: 15_000 }).toBe(status);
}

/** Upstream calls logged for exactly this method and path (query included), under /api/v1. */
export async function upstreamCalls(method: string, pathAndQuery: string): Promise<LoggedRequest[]> {
  return (await simulatorRequests()).filter((entry) => entry.method === method && entry.path === `/api/v1${pathAndQuery}`);
}

/** Upstream calls grouped by Idempotency-Key: one group per launch. */
export function byKey(calls: LoggedRequest[]): Map<string, LoggedRequest[]> {
  const groups = new Map<string, LoggedRequest[]>();
  for (const call of calls) groups.set(call.idempotency_key ?? "", [...(groups.get(call.idempotency_key ?? "") ?? []), call]);
  return groups;
}

/** The form of one launch surface, as a teammate uses it. */
export interface LaunchFormHandle {
  fill(text: string): Promise<void>;
  launch(): Promise<void>;
  failure(): ReturnType<Page["getByRole"]>;
  /** The form still holds what the teammate typed. */
  expectKept(text: string): Promise<void>;
}

export interface LaunchSurface {
  name: string;
  /** The fault path prefix (POST) that catches both this surface's direct request and its form. */
  faultPath: string;
  /** The upstream path the direct request reaches, and the one the form reaches. */
  directPath: string;
  formPath: string;
  /** The run page a successful launch from the form opens. */
  runUrl: RegExp;
  runCount(): Promise<number>;
  direct(request: APIRequestContext, text: string): Promise<{ response: APIResponse; ms: number }>;
  openForm(page: Page): Promise<LaunchFormHandle>;
}

const clientKey = () => `fmx-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`;

/**
 * Generations: the direct request asks for a text model, the form launches its default image
 * model, so a launch found again by reconciliation (same place, same model) is never the other's.
 */
export const GENERATION: LaunchSurface = {
  name: "generation",
  faultPath: "/generate",
  directPath: "/generate",
  formPath: "/generate",
  runUrl: /\/runs\/run_[A-Za-z0-9_-]+$/,
  runCount: async () => (await simulatorState()).generations.total,
  direct: (request, text) =>
    timed(() =>
      request.post("/api/v1/generate", {
        headers: { "idempotency-key": clientKey() },
        data: { type: "text", model: "llm-gpt-5-mini", prompt: text, ...NORTHWIND },
        timeout: LAUNCH_DEADLINE_MS + 15_000,
      }),
    ),
  async openForm(page) {
    const form = new LaunchForm(page);
    await form.open();
    return {
      fill: (text) => form.prompt().fill(text),
      launch: () => form.launchButton().click(),
      failure: () => form.failure(),
      expectKept: async (text) => {
        await expect(form.prompt()).toHaveValue(text);
        await expect(form.launchButton()).toBeEnabled();
      },
    };
  },
};

/** Technique runs: Brand Kit by direct request, Product Shot Studio through its form (told apart the same way). */
export const TECHNIQUE_RUN: LaunchSurface = {
  name: "technique run",
  faultPath: "/techniques/",
  directPath: "/techniques/tech_brandkit/runs",
  formPath: "/techniques/tech_prodshot/runs",
  runUrl: /\/technique-runs\/tech_prodshot\/run_[A-Za-z0-9_-]+$/,
  runCount: async () => (await simulatorState()).technique_runs.total,
  direct: (request, text) =>
    timed(() =>
      request.post("/api/v1/techniques/tech_brandkit/runs", {
        headers: { "idempotency-key": clientKey() },
        data: {
          inputs: [
            { id: "logo", type: "imageUrl", value: "https://media.example/logo.png" },
            { id: "brief", type: "text", value: text },
          ],
          mode: "async",
        },
        timeout: LAUNCH_DEADLINE_MS + 15_000,
      }),
    ),
  async openForm(page) {
    await page.goto("/techniques/tech_prodshot");
    const form = page.getByRole("form", { name: "Run Product Shot Studio" });
    await expect(form).toBeVisible();
    const photo = form.getByLabel("Product photo", { exact: true });
    const scene = form.getByLabel("Scene description", { exact: true });
    const button = form.getByRole("button", { name: "Run Product Shot Studio" });
    return {
      fill: async (text) => {
        await photo.fill("https://media.example/mug.png");
        await scene.fill(text);
      },
      launch: () => button.click(),
      failure: () => form.getByRole("alert"),
      expectKept: async (text) => {
        await expect(photo).toHaveValue("https://media.example/mug.png");
        await expect(scene).toHaveValue(text);
        await expect(button).toBeEnabled();
      },
    };
  },
};

export const LAUNCH_SURFACES = [GENERATION, TECHNIQUE_RUN] as const;

/** What the form says after a launch that may or may not have reached FLORA. */
export const SAME_KEY_MESSAGE =
  "FLORA could not be reached, or did not answer. Launch again when ready: the retry carries the same key, so it cannot start a second run.";

/** The run page is showing the run (not a problem), still going. */
export async function expectRunShown(page: Page) {
  const runPage = new RunPage(page);
  await expect(runPage.status()).toHaveText(/Status: (Pending|Running)/, { timeout: 15_000 });
  await expect(runPage.problem()).toBeHidden();
}
