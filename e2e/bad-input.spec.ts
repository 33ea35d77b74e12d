import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import fc from "fast-check";
import { rawSignIn } from "./support/raw-sign-in";
import { serverRssMb } from "./support/server-memory";
import { clearSimulatorRequests, simulatorRequests } from "./support/simulator";
import { USERS, usersCommand } from "./support/users";

/**
 * Generated malformed input against every route: ids in paths, query strings (unknown,
 * repeated and bad values), bodies (not JSON, the wrong JSON, huge, deeply nested, with
 * `__proto__`/`constructor` keys, unicode controls) and wrong content types. Every case is
 * built to be invalid, so the invariants are: no 5xx, every answer in FLORA's envelope,
 * nothing reaches the upstream, and the server's memory stays flat.
 */

interface Case {
  who: "member" | "admin";
  method: "GET" | "POST" | "PATCH" | "DELETE";
  path: string;
  contentType?: string;
  body?: string;
}

const VALID_ID = /^(run|tech|ws|prj)_[A-Za-z0-9_-]{1,124}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Text of every kind: unicode, lone surrogates and controls included. */
const anyText = (maxLength = 40) =>
  fc.oneof(fc.string({ maxLength }), fc.string({ unit: "binary", maxLength }), fc.string({ unit: fc.constantFrom("\u0000", "\u0007", "\u001b", "\u200e", "\u202e", "\ufeff", "\n", "\t", "a"), maxLength }));

/** A path segment no route accepts as an id: never a valid id, a uuid, or a dot segment. */
const badId = anyText(200).filter((id) => id.length > 0 && !VALID_ID.test(id) && !UUID.test(id) && id !== "." && id !== ".." && id.trim() !== "");

const segment = (id: string) => encodeURIComponent(id);

const pathCases: fc.Arbitrary<Case> = fc.oneof(
  badId.map((id): Case => ({ who: "member", method: "GET", path: `/api/v1/runs/${segment(id)}` })),
  badId.map((id): Case => ({ who: "member", method: "GET", path: `/api/v1/techniques/${segment(id)}` })),
  badId.map((id): Case => ({ who: "member", method: "GET", path: `/api/v1/techniques/tech_product_shot/runs/${segment(id)}` })),
  badId.map((id): Case => ({ who: "member", method: "GET", path: `/api/v1/techniques/${segment(id)}/runs/run_abc` })),
  badId
    .filter((id) => id !== "generations" && id !== "technique-runs" && id !== "directory")
    .map((id): Case => ({ who: "member", method: "GET", path: `/api/history/${segment(id)}` })),
  fc.tuple(badId, fc.constantFrom<"PATCH" | "DELETE">("PATCH", "DELETE")).map(
    ([id, method]): Case => ({ who: "admin", method, path: `/api/admin/users/${segment(id)}`, contentType: "application/json", body: method === "PATCH" ? '{"role":"viewer"}' : undefined }),
  ),
);

const QUERY_ROUTES: Record<string, string[]> = {
  "/api/v1/generations": ["workspace_id", "project_id", "status", "cursor", "limit"],
  "/api/v1/technique-runs": ["workspace_id", "project_id", "technique_id", "status", "cursor", "limit"],
  "/api/v1/projects": ["workspace_id", "query", "cursor", "limit"],
  "/api/v1/techniques": ["workspace_id", "query", "cursor", "limit"],
  "/api/v1/models": ["type"],
  "/api/v1/workspaces": [],
  "/api/history/generations": ["workspace", "project", "status", "cursor"],
  "/api/run-outputs": ["run_id", "technique_id", "output_id"],
};

/** One thing that makes any query invalid, whatever else it holds. */
const poison = (known: string[]): fc.Arbitrary<Array<[string, string]>> =>
  fc.oneof(
    // A key the route does not know.
    fc.tuple(anyText(20).filter((key) => key.length > 0 && !known.includes(key)), anyText()).map(([key, value]): Array<[string, string]> => [[key, value]]),
    // A known key twice.
    ...(known.length > 0 ? [fc.tuple(fc.constantFrom(...known), anyText(), anyText()).map(([key, a, b]): Array<[string, string]> => [[key, a], [key, b]])] : []),
    // A limit that is not 1 to 100.
    ...(known.includes("limit")
      ? [fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 101 }), fc.constantFrom("1e2", "0x10", "ten", "", " 5", "5.5")).map((limit): Array<[string, string]> => [["limit", String(limit)]])]
      : []),
    // A status outside the enum.
    ...(known.includes("status")
      ? [anyText().filter((status) => !["pending", "running", "completed", "failed"].includes(status)).map((status): Array<[string, string]> => [["status", status]])]
      : []),
  );

const queryCases: fc.Arbitrary<Case> = fc.constantFrom(...Object.keys(QUERY_ROUTES)).chain((route) =>
  fc
    .tuple(fc.array(fc.tuple(fc.constantFrom("workspace_id", "limit", "cursor", "status", "x"), anyText(10)), { maxLength: 3 }), poison(QUERY_ROUTES[route]!), fc.boolean())
    .map(([extra, bad, first]): Case => {
      const pairs = first ? [...bad, ...extra] : [...extra, ...bad];
      return { who: "member", method: "GET", path: `${route}?${new URLSearchParams(pairs).toString()}` };
    }),
);

const deepJson = fc.integer({ min: 1_000, max: 200_000 }).map((depth) => `${"[".repeat(depth)}${"]".repeat(depth)}`);
const protoJson = fc
  .tuple(fc.constantFrom("__proto__", "constructor", "prototype"), anyText())
  .map(([key, text]) => `{"${key}":{"polluted":${JSON.stringify(text)},"role":"admin"},"type":"image","prompt":"x","workspace_id":"ws_northwind","project_id":"prj_springcampaign"}`);
const wrongJson = fc.oneof(
  fc.jsonValue().filter((value) => typeof value !== "object" || value === null || Array.isArray(value)).map((value) => JSON.stringify(value)),
  // An object with a key no body schema has: refused by every strict schema.
  fc.tuple(fc.dictionary(anyText(12), fc.jsonValue(), { maxKeys: 4 }), anyText(12)).map(([object, key]) => JSON.stringify({ ...object, [`zz_${key}`]: true })),
);
const notJson = anyText(200).filter((text) => {
  try {
    JSON.parse(text);
    return false;
  } catch {
    return true;
  }
});
const hugeJson = fc.integer({ min: 70_000, max: 300_000 }).map((size) => JSON.stringify({ prompt: "x".repeat(size) }));

const BODY_ROUTES: Array<{ path: string; who: Case["who"]; method: Case["method"] }> = [
  { path: "/api/v1/generate", who: "member", method: "POST" },
  { path: "/api/v1/techniques/tech_product_shot/runs", who: "member", method: "POST" },
  { path: "/api/account/password", who: "member", method: "POST" },
  { path: "/api/admin/users", who: "admin", method: "POST" },
];

const bodyCases: fc.Arbitrary<Case> = fc
  .tuple(
    fc.constantFrom(...BODY_ROUTES),
    fc.oneof(notJson, wrongJson, deepJson, protoJson, hugeJson),
    fc.constantFrom("application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""),
  )
  .map(([route, body, contentType]): Case => ({ ...route, body, contentType: contentType || undefined }));

/** The report route takes what browsers send; what no browser sends is refused. */
const reportCases: fc.Arbitrary<Case> = fc
  .tuple(fc.oneof(notJson, hugeJson), fc.constantFrom("application/csp-report", "application/reports+json", "text/plain", "application/json"))
  .filter(([body, type]) => (type === "application/csp-report" || type === "application/reports+json" ? body.length > 16_384 || !isJson(body) : true))
  .map(([body, contentType]): Case => ({ who: "member", method: "POST", path: "/api/csp-report", body, contentType }));

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

test("generated malformed input never gets a 5xx, is always answered in the envelope, and never reaches FLORA", async ({ baseURL }) => {
  test.setTimeout(180_000);
  const email = `bad-input-${Date.now()}@atelier.test`;
  usersCommand(["add", email, "--role", "member", "--password-stdin"], "bad-input-password-1\n");
  const contexts: Record<Case["who"], APIRequestContext> = {
    member: await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { cookie: (await rawSignIn(baseURL!, email, "bad-input-password-1")).sessionCookie! } }),
    admin: await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { cookie: (await rawSignIn(baseURL!, USERS.admin.email, USERS.admin.password)).sessionCookie! } }),
  };

  const seen = new Set<string>();
  const failures: string[] = [];
  const send = async (input: Case) => {
    seen.add(JSON.stringify(input));
    const headers: Record<string, string> = { origin: baseURL! };
    if (input.contentType) headers["content-type"] = input.contentType;
    const response = await contexts[input.who].fetch(input.path, { method: input.method, headers, data: input.body, maxRedirects: 0 });
    const text = await response.text();
    let envelope: { error?: { code?: unknown; message?: unknown } } | null = null;
    try {
      envelope = JSON.parse(text);
    } catch {
      envelope = null;
    }
    const inEnvelope = typeof envelope?.error?.code === "string" && typeof envelope.error.message === "string";
    if (response.status() >= 500 || response.status() < 400 || !inEnvelope) {
      failures.push(`${input.method} ${input.path.slice(0, 120)} [${input.contentType ?? "no type"}] ${String(input.body).slice(0, 80)} → ${response.status()} ${text.slice(0, 160)}`);
    }
    return response.status() < 500 && response.status() >= 400 && inEnvelope;
  };

  await clearSimulatorRequests();
  // Warm up before measuring memory: the first requests load each route's code.
  for (const warm of ["/api/v1/runs/x", "/api/v1/generations?x=1"]) await contexts.member.get(warm);
  const rssBefore = serverRssMb();

  const settings = { seed: Number(process.env.E2E_FC_SEED ?? Date.now() % 2 ** 31), endOnFailure: true };
  for (const [arbitrary, numRuns] of [
    [pathCases, 90],
    [queryCases, 120],
    [bodyCases, 120],
    [reportCases, 30],
  ] as const) {
    await fc.assert(fc.asyncProperty(arbitrary as fc.Arbitrary<Case>, send), { ...settings, numRuns });
  }
  const rssAfter = serverRssMb();

  expect(failures, `seed ${settings.seed}`).toEqual([]);
  expect(seen.size).toBeGreaterThanOrEqual(300);
  expect(await simulatorRequests()).toEqual([]);
  // Flat: well under what keeping the bodies (tens of MB of huge and deep ones) would take.
  expect(rssAfter - rssBefore, `RSS ${rssBefore.toFixed(0)} → ${rssAfter.toFixed(0)} MB`).toBeLessThan(50);
  await Promise.all(Object.values(contexts).map((context) => context.dispose()));
});
