import type { IncomingMessage, ServerResponse } from "node:http";
import { applyFault, trickleReply } from "../faults/apply-fault";
import { ApiError } from "../http/api-error";
import { readJson } from "../http/read-body";
import { sendError, sendJson } from "../http/reply";
import { matchRoute, type Route } from "../http/router";
import { API_PREFIX } from "../options";
import type { SimState } from "../state/sim-state";
import type { ApiRequest, Handler } from "./api-types";
import { authenticate } from "./auth";
import { catalogRoutes } from "./catalog-routes";
import { generationRoutes } from "./generation-routes";
import { runRoutes } from "./run-routes";

const ROUTES: readonly Route<Handler>[] = [...catalogRoutes, ...generationRoutes, ...runRoutes];

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Every /api/v1 request: log → auth (401) → armed fault → rate limit (429) → route
 * (404/405) → handler. Faults come after auth so an unauthenticated probe never
 * uses one up, and before everything else so a status fault fires on a valid request.
 */
export async function handleApi(req: IncomingMessage, res: ServerResponse, sim: SimState, url: URL): Promise<void> {
  const method = req.method ?? "GET";
  const path = url.pathname.slice(API_PREFIX.length) || "/";
  const entry = sim.requestLog.add({
    request_id: String(res.getHeader("request-id") ?? ""),
    method,
    path: url.pathname + url.search,
    idempotency_key: headerValue(req, "idempotency-key") ?? null,
    time: sim.now(),
    status: null,
    fault: null,
  });
  res.on("finish", () => {
    entry.status = res.statusCode;
  });

  const apiKey = authenticate(req, sim.options.apiKey);
  if (!apiKey) return sendError(res, new ApiError(401, "unauthorized", "Invalid API key."));

  const fault = sim.faults.take(method, path);
  if (fault) {
    entry.fault = fault.kind;
    if (await applyFault(fault, req, res)) return;
  }

  const wait = sim.rateLimiter.take(apiKey);
  if (wait > 0) {
    return sendError(res, new ApiError(429, "rate_limited", "Rate limit exceeded.", undefined, { "retry-after": String(wait) }));
  }

  const match = matchRoute(ROUTES, method, path);
  if (match.kind === "not_found") return sendError(res, new ApiError(404, "not_found", "Not found."));
  if (match.kind === "method_not_allowed") {
    return sendError(res, new ApiError(405, "method_not_allowed", "Method not allowed.", undefined, { allow: match.allowed.join(", ") }));
  }

  const request: ApiRequest = {
    method,
    params: match.params,
    query: url.searchParams,
    apiKey,
    header: (name) => headerValue(req, name.toLowerCase()),
    json: () => readJson(req),
  };
  try {
    const reply = await match.handler(request, sim);
    if (fault?.kind === "lose_response") {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === "trickle") return await trickleReply(res, reply, fault);
    sendJson(res, reply.status, reply.body, reply.headers);
  } catch (error) {
    if (error instanceof ApiError) return sendError(res, error);
    console.error("simulator: handler failed", error);
    sendError(res, new ApiError(500, "unknown_error", "An unknown error occurred."));
  }
}
