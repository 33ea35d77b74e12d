import { EventEmitter } from "node:events";
import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { forgetRememberedUsers, rememberTokenClaims, rememberUser } from "@/lib/auth/session-memory";
import type { User } from "@/lib/db/schema";
import { answerFromMemory } from "@/lib/http/fast-path";
import { runPollCache } from "@/lib/flora/cache/run-poll-cache";
import { userRequestLimiter } from "@/lib/http/user-rate-limit";

const user: User = { id: "u-fast", email: "f@x.example", name: null, role: "viewer", password_hash: null, created_at: 0, disabled_at: null, is_demo: 0, session_version: 2 };
const run = { run_id: "run_fast1", status: "completed" as const, progress: 100, created_at: 1, poll_url: "https://upstream.example/poll" };

function request(url: string, cookie?: string, method = "GET") {
  return { method, url, headers: cookie ? { cookie } : {} } as unknown as IncomingMessage;
}

function response() {
  const captured: { status?: number; headers?: Record<string, unknown>; body?: string } = {};
  const res = Object.assign(new EventEmitter(), {
    writeHead(status: number, headers: Record<string, unknown>) {
      captured.status = status;
      captured.headers = headers;
      return res;
    },
    end(body: string) {
      captured.body = body;
    },
  });
  return { res: res as unknown as ServerResponse, captured };
}

async function primed() {
  // The route wrapper sets the budget up on the first request; the fast path only spends it.
  userRequestLimiter(1_000);
  rememberTokenClaims("tok-fast", { uid: user.id, sv: 2 }, Date.now() + 60_000);
  rememberUser(user.id, user, Date.now() + 60_000);
  await runPollCache().get("run:run_fast1", async () => run);
}

describe("answerFromMemory", () => {
  it("answers a poll when token, user and run are all known, as the handler would", async () => {
    await primed();
    const { res, captured } = response();
    expect(await answerFromMemory(request("/api/v1/runs/run_fast1", "next-auth.session-token=tok-fast"), res)).toBe(true);
    expect(captured.status).toBe(200);
    expect(captured.headers).toMatchObject({ "cache-control": "private, no-store", "X-Content-Type-Options": "nosniff" });
    expect(JSON.parse(captured.body!)).toEqual({ ...run, poll_url: "/api/v1/runs/run_fast1" });
  });

  it.each([
    ["no cookie", request("/api/v1/runs/run_fast1")],
    ["an unknown token", request("/api/v1/runs/run_fast1", "next-auth.session-token=someone-else")],
    ["a run not in memory", request("/api/v1/runs/run_notcached", "next-auth.session-token=tok-fast")],
    ["a query string", request("/api/v1/runs/run_fast1?x=1", "next-auth.session-token=tok-fast")],
    ["another method", request("/api/v1/runs/run_fast1", "next-auth.session-token=tok-fast", "POST")],
    ["another path", request("/api/v1/generations", "next-auth.session-token=tok-fast")],
    ["a bad id", request("/api/v1/runs/run_a.b", "next-auth.session-token=tok-fast")],
  ])("leaves %s to Next", async (_label, req) => {
    await primed();
    const { res, captured } = response();
    expect(await answerFromMemory(req, res)).toBe(false);
    expect(captured.status).toBeUndefined();
  });

  it("leaves a disabled or forgotten user to Next", async () => {
    await primed();
    rememberUser(user.id, { ...user, disabled_at: 5 }, Date.now() + 60_000);
    expect(await answerFromMemory(request("/api/v1/runs/run_fast1", "next-auth.session-token=tok-fast"), response().res)).toBe(false);
    forgetRememberedUsers();
    expect(await answerFromMemory(request("/api/v1/runs/run_fast1", "next-auth.session-token=tok-fast"), response().res)).toBe(false);
  });

  it("leaves a token from before the user's sessions were ended, or a demo user, to Next", async () => {
    await primed();
    rememberUser(user.id, { ...user, session_version: 3 }, Date.now() + 60_000);
    expect(await answerFromMemory(request("/api/v1/runs/run_fast1", "next-auth.session-token=tok-fast"), response().res)).toBe(false);
    rememberUser(user.id, { ...user, is_demo: 1 }, Date.now() + 60_000);
    expect(await answerFromMemory(request("/api/v1/runs/run_fast1", "next-auth.session-token=tok-fast"), response().res)).toBe(false);
  });

  it("counts its answers against the teammate's budget, and leaves an over-budget poll to Next", async () => {
    await primed();
    userRequestLimiter(2);
    const poll = () => answerFromMemory(request("/api/v1/runs/run_fast1", "next-auth.session-token=tok-fast"), response().res);
    expect(await poll()).toBe(true);
    expect(await poll()).toBe(true);
    expect(await poll()).toBe(false);
  });
});
