import { EventEmitter } from "node:events";
import type { IncomingMessage, ServerResponse } from "node:http";
import { beforeEach, describe, expect, it } from "vitest";
import { rememberTokenClaims, rememberUser } from "@/lib/auth/session-memory";
import type { ApiToken, User } from "@/lib/db/schema";
import { answerFromMemory } from "@/lib/http/fast-path";
import { runPollCache } from "@/lib/flora/cache/run-poll-cache";
import { userRequestLimiter } from "@/lib/http/user-rate-limit";
import { generateToken } from "@/lib/tokens/token-format";
import { forgetRememberedTokens, rememberToken } from "@/lib/tokens/token-memory";

const owner: User = { id: "u-bearer", email: "b@x.example", name: null, role: "member", password_hash: null, created_at: 0, disabled_at: null, is_demo: 0, session_version: 0 };
const run = { run_id: "run_bearer1", status: "completed" as const, progress: 100, created_at: 1, poll_url: "https://upstream.example/poll" };
const parts = generateToken();
const row: ApiToken = { id: "t-b", user_id: owner.id, name: "ci", prefix: parts.prefix, secret_hash: parts.secretHash, role: "member", created_at: 0, expires_at: null, last_used_at: null, revoked_at: null };

function request(headers: Record<string, string>) {
  return { method: "GET", url: "/api/v1/runs/run_bearer1", headers } as unknown as IncomingMessage;
}
function response() {
  const captured: { status?: number } = {};
  const res = Object.assign(new EventEmitter(), {
    writeHead(status: number) {
      captured.status = status;
      return res;
    },
    end() {},
  });
  return { res: res as unknown as ServerResponse, captured };
}

async function primed(token: Partial<ApiToken> = {}) {
  userRequestLimiter(1_000);
  forgetRememberedTokens();
  // Used a moment ago: no last-used write is due, so memory alone may answer.
  rememberToken(row.prefix, { ...row, last_used_at: Date.now() - 1_000, ...token }, Date.now() + 60_000);
  rememberUser(owner.id, owner, Date.now() + 60_000);
  await runPollCache().get("run:run_bearer1", async () => run);
}

const poll = async (headers: Record<string, string>) => {
  const { res, captured } = response();
  return { answered: await answerFromMemory(request(headers), res), status: captured.status };
};

beforeEach(() => forgetRememberedTokens());

describe("answerFromMemory with a bearer token", () => {
  it("answers a poll for a remembered, live token", async () => {
    await primed();
    expect(await poll({ authorization: `Bearer ${parts.token}` })).toEqual({ answered: true, status: 200 });
  });

  it.each([
    ["a revoked token", { revoked_at: 1 }],
    ["an expired token", { expires_at: 1 }],
    ["a token whose last-used time is due", { last_used_at: null }],
  ])("leaves %s to the route handler", async (_label, change) => {
    await primed(change);
    expect(await poll({ authorization: `Bearer ${parts.token}` })).toEqual({ answered: false, status: undefined });
  });

  it("never falls back to a good cookie when the token is bad or unknown", async () => {
    await primed();
    rememberTokenClaims("tok-good", { uid: owner.id, sv: 0 }, Date.now() + 60_000);
    expect(await poll({ cookie: "next-auth.session-token=tok-good" })).toMatchObject({ answered: true });
    const wrong = `${parts.token.slice(0, -1)}${parts.token.endsWith("a") ? "b" : "a"}`;
    expect(await poll({ authorization: `Bearer ${wrong}`, cookie: "next-auth.session-token=tok-good" })).toEqual({ answered: false, status: undefined });
    expect(await poll({ authorization: "Bearer atl_garbage", cookie: "next-auth.session-token=tok-good" })).toEqual({ answered: false, status: undefined });
  });

  it("leaves a disabled owner's token to the route handler", async () => {
    await primed();
    rememberUser(owner.id, { ...owner, disabled_at: 5 }, Date.now() + 60_000);
    expect(await poll({ authorization: `Bearer ${parts.token}` })).toEqual({ answered: false, status: undefined });
  });
});
