import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database, SharedLink, User } from "@/lib/db/schema";
import { ApiError } from "@/lib/errors/api-error";
import { UpstreamCallError } from "@/lib/flora/call-policy";
import type { Run, RunOutput } from "@/lib/flora/schemas";
import { memoryDatabase } from "@/lib/testing/memory-db";
import { memoryLimiter } from "@/lib/redis/shared-limiter";
import { createLinkAs, revokeLinkAs } from "@/lib/sharing/link-service";
import { publicMediaHandler, publicPageHandler, type PublicDeps } from "@/lib/sharing/public-handlers";
import { appendRuns, deleteCollection, insertCollection } from "@/lib/collections/collection-store";
import { collectionRunRef, loadPublicCollection } from "@/lib/sharing/public-collection";
import { publicRunOf } from "@/lib/sharing/public-run";
import { addUser } from "@/lib/users/users";

vi.mock("@/lib/log", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/log")>()),
  log: { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn() },
}));

const NOW = 1_800_000_000_000;
const RUN: Run = {
  run_id: "run_abc",
  status: "completed",
  progress: 100,
  created_at: NOW - 5_000,
  charged_cost: 0.42,
  outputs: [
    { output_id: "out_img", type: "imageUrl", url: "https://media.example/a.png?sig=secret" },
    { output_id: "out_txt", type: "text", url: "<script>alert(1)</script> a poem" },
  ],
};
const CONTEXT = { title: "Flux Pro", launch: { prompt: "a red fox in snow", type: "image" } };

let db: Kysely<Database>;
let member: User;
let deps: PublicDeps;
let opened: string[];
let now: number;

beforeEach(async () => {
  db = await memoryDatabase();
  member = await addUser(db, { email: "ana@x.example", role: "member" });
  opened = [];
  now = NOW;
  deps = {
    db: async () => db,
    limiter: (() => {
      const limiter = memoryLimiter({ name: `public-test-${Math.random()}`, points: 8, durationSeconds: 60 });
      return () => limiter;
    })(),
    addressOf: (request) => request.headers.get("x-forwarded-for") ?? "unknown",
    loadRun: async (link: SharedLink) => publicRunOf(link, { ...RUN, run_id: link.run_id ?? RUN.run_id }, CONTEXT),
    loadCollection: (collectionDb, link) => loadPublicCollection(collectionDb, link, deps.loadRun),
    collectionRun: collectionRunRef,
    readRun: async () => RUN,
    openerFor: async () => async (output: RunOutput) => {
      opened.push(output.output_id);
      return { contentType: "image/png", length: 3, body: [new Uint8Array([1, 2, 3])] };
    },
    now: () => now,
  };
});
afterEach(async () => {
  await db.destroy();
});

const request = (address = "203.0.113.7") => new Request("http://dash.example/s/x", { headers: { "x-forwarded-for": address } });
const makeLink = async (showPrompt = false, expiresDays: 1 | 7 | 30 = 7) => {
  const created = await createLinkAs(db, member, { subject: { kind: "run", runId: "run_abc", techniqueId: null }, expiresDays, showPrompt }, NOW);
  return { ...created, token: created.path.slice(3) };
};

describe("GET /s/{token}", () => {
  it("shows the media, type, model and date, noindex and uncached, and nothing else of the run", async () => {
    const { token } = await makeLink();
    const response = await publicPageHandler(deps)(request(), token);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-robots-tag")).toBe("noindex, nofollow");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    const page = await response.text();
    expect(page).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(page).toContain(`src="/s/${token}/media/out_img"`);
    expect(page).toContain("Flux Pro");
    expect(page).toContain("image");
    // Text is shown as text, never run.
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt; a poem");
    expect(page).not.toContain("<script");
    // Not the prompt (off by default), the cost, FLORA's signed URL or the launcher.
    for (const secret of ["a red fox", "0.42", "media.example", "sig=secret", member.email]) expect(page).not.toContain(secret);
  });

  it("shows the prompt only when the link says so", async () => {
    const { token } = await makeLink(true);
    expect(await (await publicPageHandler(deps)(request(), token)).text()).toContain("a red fox in snow");
  });

  it("answers a dead link with the plain page: 404 unknown, 410 revoked or expired, never the run", async () => {
    const handler = publicPageHandler(deps);
    const unknown = await handler(request(), "A".repeat(43));
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("This link is no longer available");
    expect((await handler(request(), "../../etc/passwd")).status).toBe(404);

    const revoked = await makeLink();
    await revokeLinkAs(db, member, revoked.id, NOW + 1);
    const gone = await handler(request(), revoked.token);
    expect(gone.status).toBe(410);
    expect(gone.headers.get("x-robots-tag")).toBe("noindex, nofollow");
    const body = await gone.text();
    expect(body).toContain("This link is no longer available");
    expect(body).not.toContain("Flux Pro");

    const expiring = await makeLink(false, 1);
    now = NOW + 86_400_000;
    expect((await handler(request(), expiring.token)).status).toBe(410);
  });

  it("is limited per client address: 429 with Retry-After, other addresses unaffected, guesses count", async () => {
    const { token } = await makeLink();
    const handler = publicPageHandler(deps);
    for (let i = 0; i < 8; i += 1) await handler(request(), i % 2 ? token : "B".repeat(43));
    const limited = await handler(request(), token);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await limited.text()).toContain("Too many requests");
    expect((await handler(request("198.51.100.9"), token)).status).toBe(200);
  });

  it("logs an open at most once a minute", async () => {
    const { token } = await makeLink();
    const handler = publicPageHandler(deps);
    for (let i = 0; i < 5; i += 1) expect((await handler(request(`198.51.100.${i}`), token)).status).toBe(200);
    const entries = await db.selectFrom("activity").select("kind").where("kind", "=", "share_link_opened").execute();
    expect(entries).toHaveLength(1);
  });

  it("says 404 when FLORA no longer has the run, and 503 (not the run) when FLORA cannot answer", async () => {
    const { token } = await makeLink();
    deps.loadRun = async () => {
      throw new UpstreamCallError({ kind: "status", status: 404 } as never, new ApiError("not_found", "gone"));
    };
    expect((await publicPageHandler(deps)(request(), token)).status).toBe(404);
    deps.loadRun = async () => {
      throw new UpstreamCallError({ kind: "timeout" }, new ApiError("upstream_timeout", "slow"));
    };
    const unavailable = await publicPageHandler(deps)(request(), token);
    expect(unavailable.status).toBe(503);
    expect(await unavailable.text()).not.toContain("slow");
  });
});

describe("GET /s/{token}/media/{outputId}", () => {
  it("serves the link's run's output sandboxed with nosniff, and nothing for another id or a dead link", async () => {
    const { token, id } = await makeLink();
    const handler = publicMediaHandler(deps);
    const served = await handler(request(), token, "out_img");
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(served.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect(served.headers.get("cache-control")).toBe("private, no-store");
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
    expect((await handler(request(), token, "out_other_run")).status).toBe(404);
    expect((await handler(request(), "C".repeat(43), "out_img")).status).toBe(404);
    await revokeLinkAs(db, member, id, NOW + 1);
    expect((await handler(request(), token, "out_img")).status).toBe(410);
    expect(opened).toEqual(["out_img"]);
  });

  it("passes a Range on to the opener and answers an archived part as 206 with its Content-Range", async () => {
    const { token } = await makeLink();
    const ranges: Array<string | null | undefined> = [];
    deps.openerFor = async () => async (_output: RunOutput, range?: string | null) => {
      ranges.push(range);
      return range
        ? { contentType: "video/mp4", length: 2, body: [new Uint8Array([1, 2])], range: { start: 0, end: 1, size: 10 } }
        : { contentType: "video/mp4", length: 10, body: [new Uint8Array(10)] };
    };
    const handler = publicMediaHandler(deps);
    const part = await handler(new Request("http://dash.example/s/x", { headers: { "x-forwarded-for": "203.0.113.7", range: "bytes=0-1" } }), token, "out_img");
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe("bytes 0-1/10");
    expect(part.headers.get("accept-ranges")).toBe("bytes");
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(new Uint8Array([1, 2]));
    const whole = await handler(request(), token, "out_img");
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-range")).toBeNull();
    await whole.arrayBuffer();
    expect(ranges).toEqual(["bytes=0-1", null]);
  });

  it("hides why a file could not be fetched", async () => {
    const { token } = await makeLink();
    deps.openerFor = async () => async () => {
      throw new Error("connect ECONNREFUSED 10.0.0.5:443");
    };
    const failed = await publicMediaHandler(deps)(request(), token, "out_img");
    expect(failed.status).toBe(502);
    expect(await failed.text()).not.toContain("10.0.0.5");
  });
});

describe("a public link to a collection", () => {
  async function collectionLink(runIds: string[], showPrompt = false) {
    const collection = await insertCollection(db, { name: "Spring <review>", userId: member.id, email: member.email }, NOW);
    await appendRuns(db, collection.id, runIds.map((run_id) => ({ run_id, kind: "generation" as const, technique_id: null })), member.email, 200, NOW);
    const created = await createLinkAs(db, member, { subject: { kind: "collection", collectionId: collection.id }, expiresDays: 7, showPrompt }, NOW);
    return { collectionId: collection.id, token: created.path.slice(3) };
  }

  it("shows the collection's runs in order, each as a run's public link would, with media naming their run", async () => {
    const { token } = await collectionLink(["run_two", "run_one"]);
    const response = await publicPageHandler(deps)(request(), token);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-robots-tag")).toBe("noindex, nofollow");
    const page = await response.text();
    expect(page).toContain("<h1>Spring &lt;review&gt;</h1>");
    expect(page.indexOf("?run=run_two")).toBeGreaterThan(-1);
    expect(page.indexOf("?run=run_two")).toBeLessThan(page.indexOf("?run=run_one"));
    expect(page).not.toContain("a red fox in snow");
    expect(page).not.toContain("media.example");
  });

  it("serves media only for the collection's own runs, and answers 404 once the collection is deleted", async () => {
    const { token, collectionId } = await collectionLink(["run_abc"]);
    const handler = publicMediaHandler(deps);
    const mediaRequest = (query: string) => new Request(`http://dash.example/s/${token}/media/out_img${query}`, { headers: { "x-forwarded-for": "203.0.113.9" } });
    expect((await handler(mediaRequest("?run=run_abc"), token, "out_img")).status).toBe(200);
    expect((await handler(mediaRequest("?run=run_elsewhere"), token, "out_img")).status).toBe(404);
    expect((await handler(mediaRequest(""), token, "out_img")).status).toBe(404);
    expect((await handler(mediaRequest("?run=../../etc"), token, "out_img")).status).toBe(404);
    expect(opened).toEqual(["out_img"]);
    await deleteCollection(db, collectionId);
    expect((await publicPageHandler(deps)(request("203.0.113.10"), token)).status).toBe(404);
  });
});
