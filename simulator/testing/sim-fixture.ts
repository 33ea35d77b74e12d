import FLORA from "@flora-ai/flora";
import { startSimulator, type RunningSimulator, type SimulatorOptions } from "../server";

export interface SimFixture {
  sim: RunningSimulator;
  /** An SDK client pointed at the simulator; retries off so counts stay honest. */
  client(overrides?: { apiKey?: string; maxRetries?: number; timeout?: number }): FLORA;
  /** Raw fetch against /api/v1 with the right key unless headers say otherwise. */
  api(path: string, init?: RequestInit): Promise<Response>;
  /** Raw fetch against /_sim. */
  control(path: string, body?: unknown, method?: string): Promise<Response>;
}

export async function startFixture(overrides: Partial<SimulatorOptions> = {}): Promise<SimFixture> {
  const sim = await startSimulator({ port: 0, runSeconds: 1.5, ...overrides });
  return {
    sim,
    client: (options = {}) =>
      new FLORA({
        apiKey: options.apiKey ?? sim.options.apiKey,
        baseURL: sim.baseURL,
        maxRetries: options.maxRetries ?? 0,
        ...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
      }),
    api: (path, init = {}) =>
      fetch(`${sim.baseURL}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${sim.options.apiKey}`, ...(init.headers as Record<string, string> | undefined) },
      }),
    control: (path, body, method) =>
      fetch(`${sim.origin}/_sim${path}`, {
        method: method ?? (body === undefined ? "GET" : "POST"),
        ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
      }),
  };
}

/** Polls until the predicate holds or the deadline passes. */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

export const isTerminal = (run: { status: string }) => run.status === "completed" || run.status === "failed";

export const NORTHWIND = { workspace_id: "ws_northwind", project_id: "prj_springcampaign" } as const;
