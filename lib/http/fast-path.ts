import type { IncomingMessage, ServerResponse } from "node:http";
import { sessionTokenFromCookieHeader } from "@/lib/auth/session-cookie";
import { recallTokenClaims, recallUser, sessionStillValid } from "@/lib/auth/session-memory";
import type { User } from "@/lib/db/schema";
import { takeUserRequest, userRequestLimiter } from "@/lib/http/user-rate-limit";
import { userFromRememberedBearer } from "@/lib/tokens/remembered-bearer";
import { bearerTokenOf } from "@/lib/tokens/token-format";
import securityHeaders from "@/lib/http/security-headers.json";
import { withPollPath } from "@/lib/http/poll-url";
import { runCacheKey, runPollCache, techniqueRunCacheKey } from "@/lib/flora/cache/run-poll-cache";

/**
 * Answers a poll of a run straight from memory, before Next's routing, when everything the
 * route handler would check is already known and fresh: the session token decrypted, its
 * user active at the token's session version (and not a demo user, whose check needs the
 * full path), the teammate within their request budget, the run in the poll cache. Anything else (a first request, an expired
 * entry, a query string, another path) falls through to the route handler, which does the
 * full work and fills these caches. The answer is the one the handler would give.
 */
const RUN_PATH = /^\/api\/v1\/runs\/(run_[A-Za-z0-9_-]{1,124})$/;
const TECHNIQUE_RUN_PATH = /^\/api\/v1\/techniques\/(tech_[A-Za-z0-9_-]{1,123})\/runs\/(run_[A-Za-z0-9_-]{1,124})$/;

function cachedRunFor(url: string) {
  const run = RUN_PATH.exec(url);
  if (run) return { key: runCacheKey(run[1]!), techniqueId: undefined };
  const techniqueRun = TECHNIQUE_RUN_PATH.exec(url);
  if (techniqueRun) return { key: techniqueRunCacheKey(techniqueRun[1]!, techniqueRun[2]!), techniqueId: techniqueRun[1]! };
  return undefined;
}

/**
 * The requester as the route handler would see them: by an access token when one is sent
 * (`atl_…`, never falling back to the cookie, as the handler does not), else by the cookie.
 */
function rememberedUser(request: IncomingMessage, now: number): User | undefined {
  const bearer = bearerTokenOf(request.headers.authorization);
  if (bearer !== null) return userFromRememberedBearer(bearer, now);
  const token = sessionTokenFromCookieHeader(request.headers.cookie);
  const claims = token ? recallTokenClaims(token, now) : undefined;
  const user = claims ? recallUser(claims.uid, now)?.user : undefined;
  if (!claims || !sessionStillValid(user, claims) || user.is_demo === 1) return undefined;
  return user;
}

/** True when it answered; false to let Next handle the request. */
export async function answerFromMemory(request: IncomingMessage, response: ServerResponse, now = Date.now()): Promise<boolean> {
  if (request.method !== "GET" || !request.url) return false;
  const target = cachedRunFor(request.url);
  if (!target) return false;
  const user = rememberedUser(request, now);
  if (!user) return false;
  const run = runPollCache().peek(target.key);
  if (!run) return false;
  // Polls answered here cost FLORA nothing but still count against the teammate's budget;
  // an over-budget poll goes to the route handler, which answers the 429.
  const limiter = userRequestLimiter();
  if (!limiter || (await takeUserRequest(limiter, user.id)) > 0) return false;

  const body = JSON.stringify(withPollPath(run, target.techniqueId));
  response.writeHead(200, {
    ...securityHeaders,
    "content-type": "application/json",
    "cache-control": "private, no-store",
    "content-length": Buffer.byteLength(body),
  });
  response.end(body);
  return true;
}
