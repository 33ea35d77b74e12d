import fs from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import type { User } from "@/lib/db/schema";

/**
 * Every API route that goes through the wrapper answers 429 in the envelope once its caller
 * has spent the minute's budget, whatever its method, params or body, and before its own
 * code runs. route.test.ts proves the mechanism; this proves each route uses it. The four
 * routes outside the wrapper are named, with why, and the test fails if a new one appears.
 */
const admin: User = {
  id: "u_limited",
  email: "ana@x.example",
  name: null,
  role: "admin",
  password_hash: null,
  created_at: 0,
  disabled_at: null,
  is_demo: 0,
  session_version: 0,
};
vi.mock("@/lib/auth/request-actor", () => ({ requestActor: async () => ({ user: admin, token: null }) }));
vi.mock("@/lib/env", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/env")>();
  return { ...original, getEnv: () => ({ ...safeEnv(original), USER_RATE_LIMIT_PER_MINUTE: 3 }) };
});
// The wrapper refuses before any of these is reached; were one reached, it would throw here.
vi.mock("@/lib/flora/client", () => ({ getFloraClient: () => { throw new Error("a limited request reached FLORA"); } }));
vi.mock("@/lib/db", () => ({ getDb: () => { throw new Error("a limited request reached the store"); } }));

/** The parsed environment where it parses (CI's), else nothing: only the limit is read before refusing. */
function safeEnv(original: typeof import("@/lib/env")) {
  try {
    return original.getEnv();
  } catch {
    return {};
  }
}

/** Outside the wrapper by design. */
const UNWRAPPED: Record<string, string> = {
  "app/api/auth/[...nextauth]/route.ts": "next-auth's own handler; sign-in has its own limiter (lib/auth/attempt-limiter.ts)",
  "app/api/csp-report/route.ts": "browsers report without a session; capped by size and its own limiter",
  "app/api/health/route.ts": "load balancers probe without a session; cached for 2 s",
  "app/api/webhooks/flora/route.ts": "FLORA delivers without a session; its signature is the credential, limited per address (lib/webhooks)",
};

const root = path.resolve(__dirname, "../..");
function routeFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.posix.join(dir, entry.name);
    return entry.isDirectory() ? routeFiles(rel) : entry.name === "route.ts" ? [rel] : [];
  });
}
const files = routeFiles("app/api");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** A concrete URL for the file's path: each [param] becomes a plausible value. */
const urlOf = (file: string) =>
  `http://dash.example/${file.replace(/^app\//, "").replace(/\/route\.ts$/, "").replace(/\[\.\.\.(\w+)\]/g, "x").replace(/\[(\w+)\]/g, "x_1")}`;

describe("every wrapped API route answers 429 past the caller's budget", () => {
  it("knows every route file: each is wrapped, or named as outside the wrapper", () => {
    expect(files.length).toBeGreaterThan(30);
    const unwrapped = files.filter((file) => !fs.readFileSync(path.join(root, file), "utf8").includes('from "@/lib/http/route"'));
    expect(unwrapped.sort()).toEqual(Object.keys(UNWRAPPED).sort());
  });

  const wrapped = files.filter((file) => !(file in UNWRAPPED));
  it.each(wrapped)("%s", async (file) => {
    const { takeUserRequest, userRequestLimiter } = await import("@/lib/http/user-rate-limit");
    const limiter = userRequestLimiter(3)!;
    // Spend the minute's budget first, as a runaway script would.
    while ((await takeUserRequest(limiter, admin.id)) === 0);

    const routeModule = (await import(`@/${file.replace(/\.ts$/, "")}`)) as Record<string, unknown>;
    const handlers = METHODS.filter((method) => typeof routeModule[method] === "function");
    expect(handlers.length, file).toBeGreaterThan(0);
    for (const method of handlers) {
      const request = new NextRequest(urlOf(file), {
        method,
        headers: { host: "dash.example", "content-type": "application/json" },
        ...(method === "GET" ? {} : { body: "{}" }),
      });
      const handler = routeModule[method] as (request: NextRequest, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
      const response = await handler(request, { params: Promise.resolve({ runId: "run_1", techniqueId: "tech_1", tokenId: "x_1", userId: "x_1", kind: "generations", path: ["x"] }) });
      expect(response.status, `${method} ${file}`).toBe(429);
      expect(response.headers.get("retry-after"), `${method} ${file}`).toMatch(/^\d+$/);
      expect(await response.json(), `${method} ${file}`).toEqual({ error: { code: "rate_limited", message: expect.stringContaining("requests in a minute") } });
    }
  });
});
