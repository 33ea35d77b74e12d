import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { User } from "@/lib/db/schema";

const session = vi.hoisted(() => ({ user: null as User | null }));
vi.mock("@/lib/auth/session", () => ({ getRequestUser: async () => session.user }));
const logged = vi.hoisted(() => ({ error: vi.fn(), warn: vi.fn(), info: vi.fn() }));
vi.mock("@/lib/log", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/log")>()), log: logged }));
const budget = vi.hoisted(() => ({ perMinute: 1_000 }));
vi.mock("@/lib/env", () => ({ getEnv: () => ({ USER_RATE_LIMIT_PER_MINUTE: budget.perMinute }) }));

const { route } = await import("@/lib/http/route");
const { ApiError } = await import("@/lib/errors/api-error");
const { UpstreamCallError } = await import("@/lib/flora/call-policy");

const user = (role: User["role"]): User => ({
  id: "u1",
  email: "ana@x.example",
  name: null,
  role,
  password_hash: null,
  created_at: 0,
  disabled_at: null,
  is_demo: 0,
  session_version: 0,
});

const handler = vi.fn(async (context: { params: unknown; query: unknown; body: unknown }) =>
  Response.json({ params: context.params, query: context.query, body: context.body }),
);

const getRoute = route(
  { role: "viewer", params: z.object({ runId: z.string().startsWith("run_") }).strict(), query: z.object({ limit: z.string().optional() }).strict() },
  handler,
);
const postRoute = route({ role: "member", body: z.object({ prompt: z.string().min(1) }).strict() }, handler);

const context = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
const get = (url: string) => new NextRequest(new URL(url, "http://dash.example"));
const post = (body: string, headers: Record<string, string> = { "content-type": "application/json" }) =>
  new NextRequest(new URL("/api/v1/generate", "http://dash.example"), { method: "POST", body, headers: { host: "dash.example", ...headers } });

async function envelope(response: Response) {
  return { status: response.status, body: (await response.json()) as { error: { code: string; fields?: unknown } } };
}

beforeEach(() => {
  session.user = null;
  handler.mockClear();
});

describe("route()", () => {
  it("answers 401 without a session, before looking at the input", async () => {
    const result = await envelope(await getRoute(get("/api/v1/runs/bad?x=1"), context({ runId: "bad" })));
    expect(result).toEqual({ status: 401, body: { error: { code: "unauthorized", message: expect.any(String) } } });
    expect(handler).not.toHaveBeenCalled();
  });

  it("answers 403 when the role is too low", async () => {
    session.user = user("viewer");
    const result = await envelope(await postRoute(post('{"prompt":"x"}'), context()));
    expect(result.status).toBe(403);
    expect(result.body.error.code).toBe("forbidden");
    expect(handler).not.toHaveBeenCalled();
  });

  it("parses params, query and body before the handler runs", async () => {
    session.user = user("member");
    const read = await getRoute(get("/api/v1/runs/run_1?limit=5"), context({ runId: "run_1" }));
    expect(await read.json()).toEqual({ params: { runId: "run_1" }, query: { limit: "5" } });
    const write = await postRoute(post('{"prompt":"a mug"}'), context());
    expect(await write.json()).toEqual({ params: {}, query: {}, body: { prompt: "a mug" } });
  });

  it.each([
    ["a bad route param", () => getRoute(get("/api/v1/runs/x"), context({ runId: "x" })), 400, "input_validation_error"],
    ["an unknown query parameter", () => getRoute(get("/api/v1/runs/run_1?foo=1"), context({ runId: "run_1" })), 400, "input_validation_error"],
    ["a repeated query parameter", () => getRoute(get("/api/v1/runs/run_1?limit=1&limit=2"), context({ runId: "run_1" })), 400, "input_validation_error"],
    ["an unknown body field", () => postRoute(post('{"prompt":"x","extra":1}'), context()), 400, "input_validation_error"],
    ["broken JSON", () => postRoute(post("{oops"), context()), 400, "invalid_json"],
    ["another media type", () => postRoute(post('{"prompt":"x"}', { "content-type": "text/plain" }), context()), 415, "unsupported_media_type"],
    ["a body over 64 KB", () => postRoute(post(JSON.stringify({ prompt: "x".repeat(70_000) })), context()), 413, "payload_too_large"],
    ["a cross-site write", () => postRoute(post('{"prompt":"x"}', { "content-type": "application/json", origin: "https://evil.example" }), context()), 403, "forbidden"],
    ["a write from an opaque origin (Origin: null)", () => postRoute(post('{"prompt":"x"}', { "content-type": "application/json", origin: "null" }), context()), 403, "forbidden"],
    ["a write from an unparsable Origin", () => postRoute(post('{"prompt":"x"}', { "content-type": "application/json", origin: "http://[oops" }), context()), 403, "forbidden"],
  ])("refuses %s", async (_label, call, status, code) => {
    session.user = user("admin");
    const result = await envelope(await call());
    expect(result.status).toBe(status);
    expect(result.body.error.code).toBe(code);
    expect(handler).not.toHaveBeenCalled();
  });

  it("names each bad field the way FLORA does", async () => {
    session.user = user("admin");
    const result = await envelope(await postRoute(post('{"prompt":""}'), context()));
    expect(result.body.error).toMatchObject({ message: expect.stringMatching(/^prompt: /), fields: [{ field: "prompt", message: expect.any(String) }] });
  });

  it("turns an ApiError into its envelope and anything else into a 500 without details", async () => {
    session.user = user("admin");
    const failing = route({ role: "viewer" }, async () => {
      throw new ApiError("rate_limited", "slow down", undefined, { "retry-after": "7" });
    });
    const limited = await failing(get("/x"), context());
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("7");

    const upstreamDown = route({ role: "viewer" }, async () => {
      throw new UpstreamCallError({ kind: "timeout" }, new ApiError("upstream_timeout", "FLORA did not answer in time."));
    });
    const timedOut = await upstreamDown(get("/x"), context());
    expect(timedOut.status).toBe(504);
    expect((await timedOut.json()).error.code).toBe("upstream_timeout");

    const crashing = route({ role: "viewer" }, async () => {
      throw new Error("database password is hunter2");
    });
    const crashed = await crashing(get("/x"), context());
    expect(crashed.status).toBe(500);
    expect(await crashed.text()).not.toContain("hunter2");
    // The log gets what the answer does not: the message and where it was thrown.
    expect(logged.error).toHaveBeenCalledWith(
      "GET /x failed",
      expect.objectContaining({ error: "database password is hunter2", stack: expect.stringContaining("route.test.ts") }),
    );
  });

  it("answers 429 with Retry-After in the envelope once a teammate spends their budget, and not for others", async () => {
    budget.perMinute = 3;
    const limited = { ...user("viewer"), id: "u-budget" };
    session.user = limited;
    for (let i = 0; i < 3; i += 1) expect((await getRoute(get("/api/v1/runs/run_1"), context({ runId: "run_1" }))).status).toBe(200);
    const refused = await getRoute(get("/api/v1/runs/run_1"), context({ runId: "run_1" }));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await refused.json()).error).toMatchObject({ code: "rate_limited", message: expect.stringMatching(/more than 3 requests in a minute/) });
    expect(handler).toHaveBeenCalledTimes(3);
    session.user = { ...user("viewer"), id: "u-other" };
    expect((await getRoute(get("/api/v1/runs/run_1"), context({ runId: "run_1" }))).status).toBe(200);
    budget.perMinute = 1_000;
  });

  it("says in Server-Timing how long the dashboard took, on answers and refusals alike", async () => {
    session.user = user("viewer");
    handler.mockImplementationOnce(async () => {
      await new Promise((resolve) => setTimeout(resolve, 60));
      return Response.json({});
    });
    const slow = await getRoute(get("/api/v1/runs/run_1"), context({ runId: "run_1" }));
    const duration = Number(/^app;dur=([\d.]+)$/.exec(slow.headers.get("server-timing") ?? "")?.[1]);
    expect(duration).toBeGreaterThanOrEqual(55);
    expect(duration).toBeLessThan(5_000);
    session.user = null;
    const refused = await getRoute(get("/api/v1/runs/run_1"), context({ runId: "run_1" }));
    expect(refused.status).toBe(401);
    expect(refused.headers.get("server-timing")).toMatch(/^app;dur=[\d.]+$/);
  });

  it("leaves a response with immutable headers as it is", async () => {
    session.user = user("viewer");
    handler.mockImplementationOnce(async () => Response.redirect("http://dash.example/elsewhere", 303));
    const redirected = await getRoute(get("/api/v1/runs/run_1"), context({ runId: "run_1" }));
    expect(redirected.status).toBe(303);
    expect(redirected.headers.get("location")).toBe("http://dash.example/elsewhere");
  });
});
