import { afterEach, describe, expect, it, vi } from "vitest";
import type { Run } from "@/lib/flora/schemas";
import { openEventStream, type EventStreamOptions } from "@/lib/live/event-stream";
import { RunWatchers } from "@/lib/live/run-watchers";

const PATH = "/api/v1/runs/run_a";
const running: Run = { run_id: "run_a", status: "running", progress: 10, created_at: 1 };

/** Reads the stream in the background: `frames` fills as they come, `ended` says whether it closed. */
function collect(reader: ReadableStreamDefaultReader<Uint8Array>) {
  const decoder = new TextDecoder();
  const state = { frames: [] as string[], ended: false, text: () => state.frames.join("") };
  void (async () => {
    for (;;) {
      const next = await reader.read().catch(() => ({ done: true as const, value: undefined }));
      if (next.done) {
        state.ended = true;
        return;
      }
      state.frames.push(decoder.decode(next.value));
    }
  })();
  return state;
}

function open(overrides: Partial<EventStreamOptions> = {}) {
  const watchers = overrides.watchers ?? new RunWatchers({ read: async () => running, coverage: async () => ({ covered: false, estimatedSeconds: null }) });
  const controller = new AbortController();
  const onClose = vi.fn();
  const stream = openEventStream({
    watchers,
    runs: [{ path: PATH, ref: { kind: "generation", runId: "run_a", techniqueId: null } }],
    bootId: "boot1",
    afterSeq: 0,
    heartbeatMs: 1_000,
    lifetimeMs: 60_000,
    stillAllowed: async () => true,
    signal: controller.signal,
    onClose,
    ...overrides,
  });
  const reader = stream.getReader();
  return { watchers, controller, onClose, reader, seen: collect(reader) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("openEventStream", () => {
  it("says ready with what it watches, then sends the run's state with a resumable id", async () => {
    const s = open();
    await vi.waitFor(() => expect(s.seen.text()).toContain("event: run"));
    const text = s.seen.text();
    expect(text.startsWith("retry: 1000\n")).toBe(true);
    expect(text).toContain(`event: ready\ndata: ${JSON.stringify({ heartbeatMs: 1_000, watching: [PATH] })}\n\n`);
    const runFrame = /id: (boot1-\d+)\nevent: run\ndata: (.*)\n\n/.exec(text);
    expect(runFrame?.[1]).toBe(`boot1-${s.watchers.lastSeq}`);
    expect(JSON.parse(runFrame![2]!)).toEqual({ path: PATH, run: { ...running, poll_url: PATH } });
    s.controller.abort();
  });

  it("does not send again what a resuming tab already has", async () => {
    const first = open();
    await vi.waitFor(() => expect(first.seen.text()).toContain("event: run"));
    // The first tab keeps the watch (and its latest state) alive while the others join.
    const join = (afterSeq: number) => open({ afterSeq, watchers: first.watchers });
    const resumed = join(first.watchers.lastSeq);
    const fresh = join(0);
    await vi.waitFor(() => expect(fresh.seen.text()).toContain("event: run"));
    expect(resumed.seen.text()).toContain("event: ready");
    expect(resumed.seen.text()).not.toContain("event: run");
    for (const tab of [first, resumed, fresh]) tab.controller.abort();
    expect(first.watchers.size).toBe(0);
  });

  it("beats every heartbeatMs, and ends with signed-out once the teammate may no longer watch", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval"] });
    let allowed = true;
    const s = open({ stillAllowed: async () => allowed });
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.waitFor(() => expect(s.seen.text()).toContain("event: heartbeat\ndata: {}\n\n"));
    expect(s.seen.ended).toBe(false);
    allowed = false;
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.waitFor(() => expect(s.seen.ended).toBe(true));
    expect(s.seen.text()).toContain("event: signed-out");
    expect(s.onClose).toHaveBeenCalledTimes(1);
    expect(s.watchers.size).toBe(0);
  });

  it("ends itself after its lifetime, so the browser reconnects and is authenticated again", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval"] });
    const s = open({ lifetimeMs: 5_000 });
    await vi.advanceTimersByTimeAsync(4_999);
    expect(s.seen.ended).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await vi.waitFor(() => expect(s.seen.ended).toBe(true));
    expect(s.onClose).toHaveBeenCalledTimes(1);
  });

  it("stops watching and releases its slot once, when the tab goes away or cancels", async () => {
    const s = open();
    expect(s.watchers.size).toBe(1);
    s.controller.abort();
    await vi.waitFor(() => expect(s.seen.ended).toBe(true));
    expect(s.onClose).toHaveBeenCalledTimes(1);
    expect(s.watchers.size).toBe(0);
    const cancelled = open();
    await cancelled.reader.cancel();
    cancelled.controller.abort();
    expect(cancelled.onClose).toHaveBeenCalledTimes(1);
    expect(cancelled.watchers.size).toBe(0);
  });

  it("a request already aborted opens nothing", async () => {
    const controller = new AbortController();
    controller.abort();
    const s = open({ signal: controller.signal });
    await vi.waitFor(() => expect(s.seen.ended).toBe(true));
    expect(s.seen.text()).toBe("");
    expect(s.watchers.size).toBe(0);
    expect(s.onClose).toHaveBeenCalledTimes(1);
  });
});

describe("endEventStreams", () => {
  it("ends every open stream at once (a stopping server), and forgets the ones that ended", async () => {
    const { endEventStreams } = await import("@/lib/live/open-streams");
    endEventStreams();
    const [a, b, c] = [open(), open(), open()];
    c.controller.abort();
    expect(endEventStreams()).toBe(2);
    await vi.waitFor(() => expect(a.seen.ended && b.seen.ended).toBe(true));
    expect(a.onClose).toHaveBeenCalledTimes(1);
    expect(b.watchers.size).toBe(0);
    expect(endEventStreams()).toBe(0);
  });
});

describe("a joining tab's first events", () => {
  it("come in the order they were numbered, whatever the order of the watched runs", async () => {
    let answer = 0;
    const watchers = new RunWatchers({
      read: async (ref) => ({ ...running, run_id: ref.runId, progress: ++answer }),
      coverage: async () => ({ covered: false, estimatedSeconds: null }),
    });
    const runs = ["run_b", "run_a"].map((runId) => ({ path: `/api/v1/runs/${runId}`, ref: { kind: "generation" as const, runId, techniqueId: null } }));
    // Another tab makes run_a's state known first (the smaller number), then run_b's.
    const stopA = watchers.watch(runs[1]!.path, runs[1]!.ref, () => {});
    await vi.waitFor(() => expect(watchers.lastSeq).toBe(1));
    const stopB = watchers.watch(runs[0]!.path, runs[0]!.ref, () => {});
    await vi.waitFor(() => expect(watchers.lastSeq).toBe(2));
    const s = open({ watchers, runs });
    await vi.waitFor(() => expect(s.seen.text().match(/event: run/g)).toHaveLength(2));
    const ids = [...s.seen.text().matchAll(/id: boot1-(\d+)/g)].map((match) => Number(match[1]));
    expect(ids).toEqual([1, 2]);
    s.controller.abort();
    stopA();
    stopB();
  });
});
