import type FLORA from "@flora-ai/flora";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isTerminal, NORTHWIND, startFixture, waitFor, type SimFixture } from "./testing/sim-fixture";
import { startReceiver } from "./testing/webhook-receiver";

// The official SDK against the simulator: if these pass, the wire format matches the SDK's types.
let fx: SimFixture;
let client: FLORA;

beforeAll(async () => {
  fx = await startFixture({ rateLimitPerMinute: 0 });
  client = fx.client();
});
afterAll(() => fx.sim.close());

type Keyed = { run_id: string; created_at: number };
function expectNewestFirst(items: Keyed[]): void {
  for (let i = 1; i < items.length; i++) {
    const [a, b] = [items[i - 1] as Keyed, items[i] as Keyed];
    expect(a.created_at > b.created_at || (a.created_at === b.created_at && a.run_id > b.run_id)).toBe(true);
  }
}

async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of pages) items.push(item);
  return items;
}

const MAGIC: Record<string, [string, string]> = {
  imageUrl: ["image/png", "89504e47"],
  videoUrl: ["video/webm", "1a45dfa3"],
  audioUrl: ["audio/wav", "52494646"],
  documentUrl: ["application/pdf", "25504446"],
};

describe("catalog", () => {
  it("lists workspaces, their projects, models and techniques", async () => {
    const { workspaces } = await client.workspaces.list();
    expect(workspaces.length).toBeGreaterThanOrEqual(2);
    let projectCount = 0;
    for (const workspace of workspaces) {
      const projects = await collect(client.projects.list({ workspace_id: workspace.workspace_id }));
      expect(projects.every((p) => p.workspace_id === workspace.workspace_id && p.project_id.startsWith("prj_"))).toBe(true);
      projectCount += projects.length;
    }
    expect(projectCount).toBeGreaterThanOrEqual(6);

    const { models } = await client.models.list();
    expect(models.length).toBeGreaterThanOrEqual(8);
    const paramTypes = new Set(models.flatMap((m) => m.params.map((p) => p.type)));
    expect([...paramTypes].sort()).toEqual(["bool", "dict", "float", "int", "int?", "seed", "string", "string[]"]);
    expect(models.some((m) => m.beta)).toBe(true);
    const video = await client.models.list({ type: "video" });
    expect(video.models.length).toBeGreaterThan(0);
    expect(video.models.every((m) => m.type === "video")).toBe(true);

    const techniques = await collect(client.techniques.list());
    expect(techniques).toHaveLength(5);
    const first = techniques[0]!;
    const technique = await client.techniques.retrieve(first.technique_id);
    expect(technique).toEqual(first);
  });
});

describe("history", () => {
  it("pages through every generation, newest first, and filters narrow", async () => {
    const all = await collect(client.generations.list({ limit: 100 }));
    expect(all).toHaveLength(5000);
    expect(new Set(all.map((g) => g.run_id)).size).toBe(5000);
    expect(all.every((g) => g.generation_id === g.run_id && g.poll_url?.endsWith(`/runs/${g.run_id}`))).toBe(true);
    expectNewestFirst(all);
    expect(new Set(all.map((g) => g.status))).toEqual(new Set(["pending", "running", "completed", "failed"]));
    const outputTypes = new Set(all.flatMap((g) => g.outputs?.map((o) => o.type) ?? []));
    expect(outputTypes.size).toBe(5);
    expect(all.filter((g) => g.status !== "completed").every((g) => g.outputs === undefined)).toBe(true);
    expect(all.filter((g) => g.status === "failed").every((g) => g.error_code && g.charged_cost === 0)).toBe(true);

    const byWorkspace = await collect(client.generations.list({ workspace_id: NORTHWIND.workspace_id, limit: 100 }));
    expect(byWorkspace.length).toBe(all.filter((g) => g.workspace_id === NORTHWIND.workspace_id).length);
    expect(byWorkspace.length).toBeLessThan(5000);
    const byProject = await collect(client.generations.list({ project_id: "prj_copylab", limit: 100 }));
    expect(byProject.length).toBe(all.filter((g) => g.project_id === "prj_copylab").length);
    expect(byProject.every((g) => g.project_id === "prj_copylab")).toBe(true);
    const failed = await collect(client.generations.list({ status: "failed", limit: 100 }));
    expect(failed.length).toBe(all.filter((g) => g.status === "failed").length);
  });

  it("pages through every technique run and filters by technique", async () => {
    const all = await collect(client.techniques.runs.list({ limit: 100 }));
    expect(all).toHaveLength(1000);
    expect(new Set(all.map((r) => r.run_id)).size).toBe(1000);
    expectNewestFirst(all);
    expect(all.every((r) => r.technique_run_id === r.run_id && r.technique.name !== "")).toBe(true);
    const one = await collect(client.techniques.runs.list({ technique_id: "tech_brandkit", limit: 100 }));
    expect(one.length).toBe(all.filter((r) => r.technique.technique_id === "tech_brandkit").length);
    expect(one.every((r) => r.poll_url?.includes("/techniques/tech_brandkit/runs/"))).toBe(true);
  });
});

// Each live test waits on the clock; running them side by side keeps the file fast.
describe.concurrent("live runs", () => {
  it("creates a generation with every output type and serves real media", async ({ expect }) => {
    const created = await client.generations.create(
      { type: "image", prompt: "a teal teapot [outputs:all]", ...NORTHWIND },
      { headers: { "Idempotency-Key": "contract-gen-1" } },
    );
    expect(created).toMatchObject({ type: "generation", project_id: NORTHWIND.project_id, model: { model_id: "t2i-flux-2-pro" } });
    expect(created.charged_cost).toBeGreaterThan(0);
    const run = await waitFor(() => client.generations.retrieve(created.run_id), isTerminal);
    expect(run.status).toBe("completed");
    expect(run.outputs?.map((o) => o.type)).toEqual(["imageUrl", "videoUrl", "audioUrl", "text", "documentUrl"]);
    for (const output of run.outputs ?? []) {
      const expected = MAGIC[output.type];
      if (!expected) {
        expect(output.url).toContain("a teal teapot");
        continue;
      }
      const response = await fetch(output.url);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe(expected[0]);
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.subarray(0, 4).toString("hex")).toBe(expected[1]);
    }
  });

  it("lets [run-seconds:N] set one run's length and estimate", async ({ expect }) => {
    const created = await client.generations.create(
      { type: "text", prompt: "take your time [run-seconds:30]", ...NORTHWIND },
      { headers: { "Idempotency-Key": "contract-run-seconds-1" } },
    );
    expect(created.estimated_seconds).toBe(30);
    const run = await client.generations.retrieve(created.run_id);
    expect(["pending", "running"]).toContain(run.status);
    expect(run.progress).toBeLessThan(50);
  });

  it("gives [unsafe-urls] runs media URLs no client may render", async ({ expect }) => {
    const created = await client.generations.create(
      { type: "image", prompt: "unsafe [outputs:all] [unsafe-urls]", ...NORTHWIND },
      { headers: { "Idempotency-Key": "contract-unsafe-1" } },
    );
    const run = await waitFor(() => client.generations.retrieve(created.run_id), isTerminal);
    const urls = Object.fromEntries((run.outputs ?? []).map((o) => [o.type, o.url]));
    expect(urls.imageUrl).toMatch(/^javascript:/);
    expect(urls.videoUrl).toMatch(/^\/media\//);
    expect(urls.audioUrl).toMatch(/^ftp:/);
    expect(urls.documentUrl).toMatch(/^data:/);
    expect(urls.text).toContain("unsafe");
  });

  it("runs a technique and retrieves it under its technique", async ({ expect }) => {
    const created = await client.techniques.runs.create("tech_prodshot", {
      inputs: [{ id: "product", type: "imageUrl", value: "https://example.com/mug.png" }],
      mode: "async",
    });
    expect(created.status).toBe("pending");
    const run = await waitFor(
      () => client.techniques.runs.retrieve(created.run_id, { techniqueId: "tech_prodshot" }),
      isTerminal,
    );
    expect(run.status).toBe("completed");
    expect(run.outputs?.every((o) => o.type === "imageUrl")).toBe(true);
  });

  it("delivers a signed webhook the SDK verifies", async ({ expect }) => {
    const receiver = await startReceiver();
    try {
      const created = await client.generations.create({
        type: "text", prompt: "write a haiku [fail:safety_blocked]", ...NORTHWIND, callback_url: receiver.url,
      });
      await waitFor(async () => receiver.received.length, (n) => n > 0);
      const hook = receiver.received[0]!;
      const event = await client.webhooks.unwrap(hook.rawBody, hook.headers, fx.sim.options.webhookSecret);
      expect(event).toMatchObject({
        type: "run.failed",
        api_version: "2026-06-11",
        data: { run_id: created.run_id, run_type: "generation", workspace_id: NORTHWIND.workspace_id,
          status: "failed", error_code: "safety_blocked" },
      });
      expect(event.id).toMatch(/^whd_/);
      expect(hook.headers["flora-webhook-id"]).toBe(event.id);
      expect(hook.headers["flora-event"]).toBe("run.failed");
      const run = await client.generations.retrieve(created.run_id);
      expect(run).toMatchObject({ status: "failed", error_code: "safety_blocked", charged_cost: 0 });
    } finally {
      await receiver.close();
    }
  });
});
