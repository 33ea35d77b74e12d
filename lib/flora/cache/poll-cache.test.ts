import { describe, expect, it } from "vitest";
import { PollCache } from "@/lib/flora/cache/poll-cache";

type Run = { id: string; status: "running" | "completed" };

class NotFound extends Error {}

function setup() {
  // Any real clock reading; not 0, which lru-cache takes as "stored without expiry".
  let now = 1_700_000_000_000;
  let calls = 0;
  const cache = new PollCache<Run>({
    freshMs: 1_000,
    terminalMs: 600_000,
    maxEntries: 3,
    isTerminal: (run) => run.status === "completed",
    failureTtlMs: (error) => (error instanceof NotFound ? 3_000 : 0),
    now: () => now,
  });
  const loader = (run: Run, delayMs = 5) => async () => {
    calls += 1;
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    return run;
  };
  return { cache, loader, calls: () => calls, advance: (ms: number) => (now += ms) };
}

describe("PollCache", () => {
  it("shares one upstream call between fifty concurrent polls", async () => {
    const { cache, loader, calls } = setup();
    const run: Run = { id: "run_1", status: "running" };
    const results = await Promise.all(Array.from({ length: 50 }, () => cache.get("run_1", loader(run))));
    expect(calls()).toBe(1);
    expect(new Set(results).size).toBe(1);
  });

  it("serves an unfinished run for about a second, then asks again", async () => {
    const { cache, loader, calls, advance } = setup();
    await cache.get("run_1", loader({ id: "run_1", status: "running" }));
    advance(999);
    await cache.get("run_1", loader({ id: "run_1", status: "running" }));
    expect(calls()).toBe(1);
    advance(2);
    await cache.get("run_1", loader({ id: "run_1", status: "completed" }));
    expect(calls()).toBe(2);
  });

  it("peeks only at fresh values, never loading", async () => {
    const { cache, loader, advance } = setup();
    expect(cache.peek("run_1")).toBeUndefined();
    await cache.get("run_1", loader({ id: "run_1", status: "running" }));
    expect(cache.peek("run_1")?.status).toBe("running");
    advance(1_001);
    expect(cache.peek("run_1")).toBeUndefined();
  });

  it("keeps a finished run for long", async () => {
    const { cache, loader, calls, advance } = setup();
    await cache.get("run_1", loader({ id: "run_1", status: "completed" }));
    advance(300_000);
    expect((await cache.get("run_1", loader({ id: "run_1", status: "running" }))).status).toBe("completed");
    expect(calls()).toBe(1);
  });

  it("does not remember failures, and lets the next poll try again", async () => {
    const { cache, calls, loader } = setup();
    let failures = 0;
    const failing = async (): Promise<Run> => {
      failures += 1;
      throw new Error("upstream down");
    };
    await expect(Promise.all([cache.get("run_1", failing), cache.get("run_1", failing)])).rejects.toThrow("upstream down");
    expect(failures).toBe(1);
    await cache.get("run_1", loader({ id: "run_1", status: "running" }));
    expect(calls()).toBe(1);
  });

  it("forgets the least recently used runs beyond its bound", async () => {
    const { cache, loader, calls } = setup();
    for (const id of ["a", "b", "c", "d"]) await cache.get(id, loader({ id, status: "completed" }));
    expect(calls()).toBe(4);
    await cache.get("d", loader({ id: "d", status: "completed" }));
    expect(calls()).toBe(4);
    await cache.get("a", loader({ id: "a", status: "completed" }));
    expect(calls()).toBe(5);
  });

  it("answers an unknown run from memory for a few seconds, then asks again", async () => {
    const { cache, advance } = setup();
    let asked = 0;
    const missing = async (): Promise<Run> => {
      asked += 1;
      throw new NotFound("no such run");
    };
    for (let i = 0; i < 20; i += 1) await expect(cache.get("run_ghost", missing)).rejects.toBeInstanceOf(NotFound);
    expect(asked).toBe(1);
    advance(3_001);
    await expect(cache.get("run_ghost", missing)).rejects.toBeInstanceOf(NotFound);
    expect(asked).toBe(2);
  });

  it("refresh reads upstream past a fresh answer, remembers the new one and tells onLoad", async () => {
    const told: Run[] = [];
    let now = 1_700_000_000_000;
    const cache = new PollCache<Run>({
      freshMs: 1_000,
      terminalMs: 600_000,
      maxEntries: 10,
      isTerminal: (run) => run.status === "completed",
      onLoad: (_key, run) => told.push(run),
      now: () => now,
    });
    let reads = 0;
    const read = (status: Run["status"]) => async (): Promise<Run> => (reads += 1, { id: "run_1", status });
    await cache.get("run_1", read("running"));
    expect(await cache.get("run_1", read("completed"))).toMatchObject({ status: "running" });
    expect(await cache.refresh("run_1", read("completed"))).toMatchObject({ status: "completed" });
    expect(reads).toBe(2);
    expect(told.map((run) => run.status)).toEqual(["running", "completed"]);
    now += 60_000;
    // Remembered as finished now: a later poll is answered from memory.
    expect(await cache.get("run_1", read("running"))).toMatchObject({ status: "completed" });
    expect(reads).toBe(2);
  });

  it("a failed refresh leaves the remembered answer as it was", async () => {
    const { cache, loader } = setup();
    await cache.get("run_1", loader({ id: "run_1", status: "running" }));
    await expect(cache.refresh("run_1", async () => { throw new Error("upstream down"); })).rejects.toThrow("upstream down");
    expect(cache.peek("run_1")).toMatchObject({ status: "running" });
  });
});
