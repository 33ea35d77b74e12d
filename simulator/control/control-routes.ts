import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { fieldsOf } from "../api/params";
import { faultRuleInputSchema } from "../faults/fault-registry";
import { ApiError, validationError } from "../http/api-error";
import { readJson } from "../http/read-body";
import { sendError, sendJson, type Reply } from "../http/reply";
import { matchRoute, type Route } from "../http/router";
import type { RunRecord } from "../runs/run-record";
import { snapshot } from "../runs/run-status";
import type { SimState } from "../state/sim-state";
import { isLoopbackAddress } from "./loopback";

type ControlHandler = (sim: SimState, body: () => Promise<unknown>) => Reply | Promise<Reply>;

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationError(fieldsOf(parsed.error));
  return parsed.data;
}

function countByStatus(runs: readonly RunRecord[], now: number): Record<string, number> {
  const counts: Record<string, number> = { pending: 0, running: 0, completed: 0, failed: 0 };
  for (const run of runs) {
    const status = snapshot(run, now).status;
    counts[status] = (counts[status] ?? 0) + 1;
  }
  return counts;
}

const state: ControlHandler = (sim) => {
  const now = sim.now();
  return {
    status: 200,
    body: {
      balance: sim.credits.balance(now),
      generations: { total: sim.generations.size, by_status: countByStatus(sim.generations.all(), now) },
      technique_runs: { total: sim.techniqueRuns.size, by_status: countByStatus(sim.techniqueRuns.all(), now) },
      faults: sim.faults.list().length,
      requests: sim.requestLog.list().length,
      idempotency_keys: sim.idempotency.size,
      public_url: sim.publicUrl,
    },
  };
};

const ROUTES: readonly Route<ControlHandler>[] = [
  { method: "GET", pattern: "/faults", handler: (sim) => ({ status: 200, body: { faults: sim.faults.list() } }) },
  {
    method: "POST", pattern: "/faults",
    handler: async (sim, body) => ({ status: 201, body: sim.faults.add(parse(faultRuleInputSchema, await body())) }),
  },
  { method: "DELETE", pattern: "/faults", handler: (sim) => ({ status: 200, body: { cleared: sim.faults.clear() } }) },
  { method: "GET", pattern: "/requests", handler: (sim) => ({ status: 200, body: { requests: sim.requestLog.list() } }) },
  { method: "DELETE", pattern: "/requests", handler: (sim) => (sim.requestLog.clear(), { status: 200, body: { cleared: true } }) },
  {
    method: "POST", pattern: "/credits",
    handler: async (sim, body) => {
      const { balance } = parse(z.object({ balance: z.number().finite().nonnegative() }), await body());
      sim.credits.set(balance);
      return { status: 200, body: { balance: sim.credits.balance(sim.now()) } };
    },
  },
  { method: "GET", pattern: "/state", handler: state },
  // Makes a run's media URLs expire (410), as FLORA's eventually do; /reset brings them back.
  {
    method: "POST", pattern: "/media/forget",
    handler: async (sim, body) => {
      const { run_id } = parse(z.object({ run_id: z.string().regex(/^run_[A-Za-z0-9_-]{1,64}$/) }).strict(), await body());
      sim.forgottenMedia.add(run_id);
      return { status: 200, body: { forgotten: run_id } };
    },
  },
  // Which start this simulator belongs to: the dashboard's demo mode compares it with its own.
  { method: "GET", pattern: "/instance", handler: (sim) => ({ status: 200, body: { instance_id: sim.options.instanceId ?? null } }) },
  { method: "GET", pattern: "/webhooks", handler: (sim) => ({ status: 200, body: { deliveries: sim.webhooks.deliveries() } }) },
  { method: "POST", pattern: "/reset", handler: (sim) => (sim.reset(), { status: 200, body: { reset: true } }) },
];

/** /_sim/*: test controls, loopback callers only, no API key. */
export async function handleControl(req: IncomingMessage, res: ServerResponse, sim: SimState, url: URL): Promise<void> {
  if (!isLoopbackAddress(req.socket.remoteAddress)) {
    return sendError(res, new ApiError(403, "forbidden", "The control API only answers loopback clients."));
  }
  const match = matchRoute(ROUTES, req.method ?? "GET", url.pathname.slice("/_sim".length));
  if (match.kind === "not_found") return sendError(res, new ApiError(404, "not_found", "Not found."));
  if (match.kind === "method_not_allowed") {
    return sendError(res, new ApiError(405, "method_not_allowed", "Method not allowed.", undefined, { allow: match.allowed.join(", ") }));
  }
  try {
    const reply = await match.handler(sim, () => readJson(req));
    sendJson(res, reply.status, reply.body, reply.headers);
  } catch (error) {
    if (error instanceof ApiError) return sendError(res, error);
    console.error("simulator: control handler failed", error);
    sendError(res, new ApiError(500, "unknown_error", "An unknown error occurred."));
  }
}
