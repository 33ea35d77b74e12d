import "server-only";
import type { NextRequest } from "next/server";
import type { TokenRef } from "@/lib/auth/actor";
import { getRequestUser } from "@/lib/auth/session";
import type { User } from "@/lib/db/schema";
import { ApiError } from "@/lib/errors/api-error";
import { authenticateBearer } from "@/lib/tokens/bearer-auth";
import { bearerTokenOf } from "@/lib/tokens/token-format";

/**
 * Tokens open the gateway (FLORA's API) and its event stream only; the account and admin
 * APIs want the person, by cookie.
 */
const TOKEN_PATHS = /^\/api\/(v1|events)(\/|$)/;

/**
 * Who a route handler's request comes from: a personal access token (`Authorization:
 * Bearer atl_…`) when one is sent, else the session cookie. A token elsewhere is
 * refused rather than ignored, so a token can never create tokens or change users.
 */
export async function requestActor(request: NextRequest): Promise<{ user: User | null; token: TokenRef | null }> {
  const bearer = bearerTokenOf(request.headers.get("authorization"));
  if (bearer === null) return { user: await getRequestUser(request), token: null };
  if (!TOKEN_PATHS.test(request.nextUrl.pathname)) {
    throw new ApiError("unauthorized", "Access tokens work only on /api/v1 and /api/events; sign in to use this part of the dashboard.");
  }
  return authenticateBearer(bearer);
}
