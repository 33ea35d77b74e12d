import "server-only";
import type { NextRequest } from "next/server";
import { z } from "zod";
import { hasRole } from "@/lib/auth/roles";
import type { TokenRef } from "@/lib/auth/actor";
import type { Role, User } from "@/lib/db/schema";
import { ApiError } from "@/lib/errors/api-error";
import { errorResponse } from "@/lib/http/envelope";
import { parseWith, queryObject, readJsonBody } from "@/lib/http/parse-input";
import { isUpstreamCallError } from "@/lib/flora/call-policy";
import { takeUserRequest, userRequestLimiter } from "@/lib/http/user-rate-limit";
import { getEnv } from "@/lib/env";
import { requestActor } from "@/lib/auth/request-actor";
import { describeError, log, withRequestId } from "@/lib/log";

/**
 * The one wrapper every API route handler goes through (house style 1): it checks the
 * session (or, on /api/v1, the access token) and role itself (whatever the proxy did), refuses cross-site writes, counts the
 * request against the teammate's budget, parses params, query and body with zod before the
 * handler runs, and turns every failure into the error envelope.
 */

const emptyObject = z.object({}).strict();
type Schema = z.ZodType;

interface RouteOptions<P extends Schema, Q extends Schema, B extends Schema> {
  /** Least role allowed: viewer (any signed-in user), member or admin. */
  role: Role;
  params?: P;
  query?: Q;
  body?: B;
}

export interface RouteContext<P extends Schema, Q extends Schema, B extends Schema> {
  request: NextRequest;
  user: User;
  /** The personal access token the request came with; null for a session cookie. */
  token: TokenRef | null;
  params: z.infer<P>;
  query: z.infer<Q>;
  body: z.infer<B>;
}

type NextContext = { params: Promise<Record<string, string | string[] | undefined>> };

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Cookies are SameSite=Lax; this refuses a cross-site write even from an old browser. */
function refuseCrossSiteWrite(request: NextRequest) {
  if (!UNSAFE_METHODS.has(request.method)) return;
  if (request.headers.get("sec-fetch-site") === "cross-site") {
    throw new ApiError("forbidden", "Cross-site requests cannot change anything here.");
  }
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  // `Origin: null` (a sandboxed frame, a data: page, some redirects) names no site at all:
  // it is refused like any other site, never parsed as a URL.
  if (origin && host && originHost(origin) !== host) {
    throw new ApiError("forbidden", "Cross-site requests cannot change anything here.");
  }
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/** Counts the request against the teammate's budget; a 429 in FLORA's envelope past it. */
async function spendUserBudget(user: User) {
  const limiter = userRequestLimiter(getEnv().USER_RATE_LIMIT_PER_MINUTE)!;
  const waitSeconds = await takeUserRequest(limiter, user.id);
  if (waitSeconds > 0) {
    throw new ApiError(
      "rate_limited",
      `You have made more than ${getEnv().USER_RATE_LIMIT_PER_MINUTE} requests in a minute. Try again in ${waitSeconds} s.`,
      undefined,
      { "retry-after": String(waitSeconds) },
    );
  }
}

/**
 * `Server-Timing: app;dur=…`: how long the dashboard itself took, from the handler's start to
 * its answer. Browser devtools show it beside the network time, and the fault matrix holds
 * the gateway's deadlines to it rather than to a loaded test machine's round trip.
 */
function withServerTiming(response: Response, ms: number): Response {
  try {
    response.headers.append("server-timing", `app;dur=${ms.toFixed(1)}`);
  } catch {
    // A response with immutable headers (a redirect) simply goes without.
  }
  return response;
}

export function route<P extends Schema = typeof emptyObject, Q extends Schema = typeof emptyObject, B extends Schema = z.ZodUndefined>(
  options: RouteOptions<P, Q, B>,
  handler: (context: RouteContext<P, Q, B>) => Promise<Response>,
) {
  // Every log line of the request carries one id (`reqId`), so its story can be followed.
  return (request: NextRequest, context: NextContext): Promise<Response> =>
    withRequestId(async () => {
      const started = performance.now();
      return withServerTiming(await handle(request, context), performance.now() - started);
    });

  async function handle(request: NextRequest, context: NextContext): Promise<Response> {
    try {
      // A session cookie, or on /api/v1 a personal access token (a dead token is a 401 here).
      const { user, token } = await requestActor(request);
      if (!user) throw new ApiError("unauthorized", "Sign in to use the dashboard's API.");
      if (!hasRole(user.role, options.role)) {
        throw new ApiError("forbidden", `This needs the ${options.role} role; you are a ${user.role}.`);
      }
      // A bearer request is not a cookie request: a cross-site page cannot make a browser send it.
      if (!token) refuseCrossSiteWrite(request);
      await spendUserBudget(user);
      // Without a schema, params and query must be empty and there is no body.
      const params = parseWith(options.params ?? emptyObject, (await context.params) ?? {}, "path") as z.infer<P>;
      const query = parseWith(options.query ?? emptyObject, queryObject(request.nextUrl.searchParams)) as z.infer<Q>;
      const body = (options.body ? parseWith(options.body, await readJsonBody(request)) : undefined) as z.infer<B>;
      return await handler({ request, user, token, params, query, body });
    } catch (error) {
      if (error instanceof ApiError) return errorResponse(error);
      // FLORA's failures arrive already mapped through the gateway's error table.
      if (isUpstreamCallError(error)) return errorResponse(error.apiError);
      log.error(`${request.method} ${request.nextUrl.pathname} failed`, describeError(error));
      return errorResponse(new ApiError("internal_error", "Something went wrong on the dashboard's side."));
    }
  }
}
