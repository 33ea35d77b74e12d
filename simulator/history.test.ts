import type { GenerationListResponse } from "@flora-ai/flora/resources/generations";
import { afterEach, describe, expect, it } from "vitest";
import { NORTHWIND, startFixture, type SimFixture } from "./testing/sim-fixture";

const started: SimFixture[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((fx) => fx.sim.close()));
});
async function fixture(...args: Parameters<typeof startFixture>) {
  const fx = await startFixture(...args);
  started.push(fx);
  return fx;
}

type Page = { generations: GenerationListResponse[]; meta: { next_cursor: string | null; total_estimate: number } };
const page = async (fx: SimFixture, query: string) => (await (await fx.api(`/generations?${query}`)).json()) as Page;

const FIXED = Date.UTC(2026, 5, 1, 12);

describe("seeded history", () => {
  it("is the same for the same seed and differs for another", async () => {
    const common = { now: () => FIXED, publicUrl: "http://sim.test" };
    const [a, b, c] = await Promise.all([fixture({ ...common, seed: 7 }), fixture({ ...common, seed: 7 }), fixture({ ...common, seed: 8 })]);
    const [pa, pb, pc] = await Promise.all([page(a, "limit=50"), page(b, "limit=50"), page(c, "limit=50")]);
    expect(pa).toEqual(pb);
    expect(pa.generations.map((g) => g.run_id)).not.toEqual(pc.generations.map((g) => g.run_id));
  });

  it("keeps its newest runs in flight for minutes after start", async () => {
    let offset = 0;
    const fx = await fixture({ now: () => FIXED + offset });
    const statusesAt = async (ms: number) => {
      offset = ms;
      return (await page(fx, "limit=8")).generations.map((g) => [g.status, g.progress] as const);
    };
    const atStart = await statusesAt(0);
    expect(atStart.slice(0, 2).map(([status]) => status)).toEqual(["pending", "pending"]);
    expect(atStart.slice(2, 6).every(([status, progress]) => status === "running" && progress > 0 && progress < 100)).toBe(true);
    const later = await statusesAt(50_000);
    expect(later[3]?.[1]).toBeGreaterThan(atStart[3]?.[1] ?? 100);
    const done = await statusesAt(400_000);
    expect(done.every(([status]) => status === "completed" || status === "failed")).toBe(true);
  });

  it("ends with a null cursor and reports total_estimate", async () => {
    const fx = await fixture();
    const first = await page(fx, "project_id=prj_scratchpad&limit=100");
    expect(first.meta.total_estimate).toBeGreaterThan(100);
    let cursor = first.meta.next_cursor;
    let last = first;
    while (cursor) {
      last = await page(fx, `project_id=prj_scratchpad&limit=100&cursor=${cursor}`);
      cursor = last.meta.next_cursor;
    }
    expect(last.meta.next_cursor).toBeNull();
    expect(last.generations.length).toBeGreaterThan(0);
  });

  it("carries text outputs with markup, for escaping tests", async () => {
    const fx = await fixture({ rateLimitPerMinute: 0 });
    const texts: string[] = [];
    let cursor: string | null = "";
    while (cursor !== null && !texts.some((t) => t.includes("<b>"))) {
      const p: Page = await page(fx, `limit=100${cursor ? `&cursor=${cursor}` : ""}`);
      texts.push(...p.generations.flatMap((g) => g.outputs?.filter((o) => o.type === "text").map((o) => o.url) ?? []));
      cursor = p.meta.next_cursor;
    }
    expect(texts.some((t) => t.includes("<b>bold</b>"))).toBe(true);
  });
});

describe("cursors", () => {
  it("stay exact when runs are created while a client pages", async () => {
    const fx = await fixture();
    const reference = (await page(fx, "limit=100")).generations.map((g) => g.run_id);
    const first = await page(fx, "limit=50");
    const client = fx.client();
    const created = await Promise.all(
      [1, 2, 3].map((i) => client.generations.create({ type: "text", prompt: `new ${i}`, ...NORTHWIND })),
    );
    const second = await page(fx, `limit=50&cursor=${first.meta.next_cursor}`);
    expect([...first.generations, ...second.generations].map((g) => g.run_id)).toEqual(reference);
    const top = (await page(fx, "limit=3")).generations.map((g) => g.run_id);
    expect(new Set(top)).toEqual(new Set(created.map((c) => c.run_id)));
  });
});
