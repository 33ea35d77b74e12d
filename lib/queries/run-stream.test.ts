import { beforeEach, describe, expect, it } from "vitest";
import type { Run } from "@/lib/flora/wire";
import { READY_WAIT_MS, RETRY_STREAM_MS, RunStream } from "@/lib/queries/run-stream";

/** A stand-in for the browser's EventSource: the test plays the server. */
class FakeSource {
  readyState = 0;
  closed = false;
  private readonly handlers = new Map<string, ((event: MessageEvent<string>) => void)[]>();
  constructor(readonly url: string) {}
  addEventListener(kind: string, handler: (event: MessageEvent<string>) => void) {
    this.handlers.set(kind, [...(this.handlers.get(kind) ?? []), handler]);
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  emit(kind: string, data: unknown = {}, lastEventId = "") {
    for (const handler of this.handlers.get(kind) ?? []) handler({ data: JSON.stringify(data), lastEventId } as MessageEvent<string>);
  }
}

let now = 0;
let timers: Map<number, { at: number; run: () => void }>;
let sources: FakeSource[];
let nextTimer = 1;
function advance(ms: number) {
  const end = now + ms;
  for (;;) {
    const due = [...timers.entries()].filter(([, timer]) => timer.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
    if (!due) break;
    timers.delete(due[0]);
    now = due[1].at;
    due[1].run();
  }
  now = end;
}
const latest = () => sources.at(-1)!;
const watchedIn = (source: FakeSource) => new URL(source.url, "http://dash.example").searchParams.get("watch");
const run = (status: Run["status"]): Run => ({ run_id: "run_a", status, progress: 0, created_at: 1 });

function stream() {
  return new RunStream({
    open: (url) => {
      const source = new FakeSource(url);
      sources.push(source);
      return source as unknown as EventSource;
    },
    setTimer: (fire, ms) => {
      const id = nextTimer++;
      timers.set(id, { at: now + ms, run: fire });
      return id;
    },
    clearTimer: (id) => void timers.delete(id),
  });
}

beforeEach(() => {
  now = 0;
  timers = new Map();
  sources = [];
});

describe("RunStream", () => {
  it("opens one stream for every subscribed run, covers them once it is ready, and hands each its news", () => {
    const tab = stream();
    const heard: Run[] = [];
    tab.subscribe("/api/v1/runs/run_a", (news) => heard.push(news));
    tab.subscribe("/api/v1/runs/run_b", () => {});
    advance(100);
    expect(sources).toHaveLength(1);
    expect(watchedIn(latest())).toBe("/api/v1/runs/run_a,/api/v1/runs/run_b");
    expect(tab.isCovered("/api/v1/runs/run_a")).toBe(false);
    latest().emit("ready", { heartbeatMs: 15_000 });
    expect(tab.isCovered("/api/v1/runs/run_a")).toBe(true);
    expect(tab.isCovered("/api/v1/runs/run_c")).toBe(false);
    latest().emit("run", { path: "/api/v1/runs/run_a", run: run("completed") }, "boot-7");
    expect(heard.map((news) => news.status)).toEqual(["completed"]);
  });

  it("reopens with the whole new set (no `after`: a new run needs its state) when the set changes, and closes when nothing is watched", () => {
    const tab = stream();
    const stopA = tab.subscribe("/api/v1/runs/run_a", () => {});
    advance(100);
    latest().emit("ready", { heartbeatMs: 15_000 });
    latest().emit("run", { path: "/api/v1/runs/run_a", run: run("running") }, "boot-7");
    const stopB = tab.subscribe("/api/v1/runs/run_b", () => {});
    advance(100);
    expect(sources[0]!.closed).toBe(true);
    expect(watchedIn(latest())).toBe("/api/v1/runs/run_a,/api/v1/runs/run_b");
    expect(new URL(latest().url, "http://x").searchParams.has("after")).toBe(false);
    stopA();
    stopB();
    advance(100);
    expect(latest().closed).toBe(true);
    expect(sources).toHaveLength(2);
  });

  it("uncovers a run whose news is a problem (its page polls) until good news comes", () => {
    const tab = stream();
    tab.subscribe("/api/v1/runs/run_a", () => {});
    advance(100);
    latest().emit("ready", { heartbeatMs: 15_000 });
    latest().emit("problem", { path: "/api/v1/runs/run_a", status: 504, code: "upstream_timeout", message: "…" });
    expect(tab.isCovered("/api/v1/runs/run_a")).toBe(false);
    latest().emit("run", { path: "/api/v1/runs/run_a", run: run("running") });
    expect(tab.isCovered("/api/v1/runs/run_a")).toBe(true);
  });

  it("takes a stream that never says ready for a buffering proxy: polls, and tries again a minute later", () => {
    const tab = stream();
    tab.subscribe("/api/v1/runs/run_a", () => {});
    // Opened after the 50 ms that gathers subscriptions.
    advance(50);
    expect(sources).toHaveLength(1);
    advance(READY_WAIT_MS - 1);
    expect(latest().closed).toBe(false);
    advance(1);
    expect(latest().closed).toBe(true);
    expect(tab.isCovered("/api/v1/runs/run_a")).toBe(false);
    advance(RETRY_STREAM_MS - 1);
    expect(sources).toHaveLength(1);
    advance(1);
    expect(sources).toHaveLength(2);
  });

  it("gives up on a stream that falls silent for two heartbeats, and on one the server refused", () => {
    const tab = stream();
    tab.subscribe("/api/v1/runs/run_a", () => {});
    advance(100);
    latest().emit("ready", { heartbeatMs: 1_000 });
    advance(6_000);
    latest().emit("heartbeat");
    advance(6_999);
    expect(tab.isCovered("/api/v1/runs/run_a")).toBe(true);
    advance(1);
    expect(tab.isCovered("/api/v1/runs/run_a")).toBe(false);
    expect(latest().closed).toBe(true);

    advance(RETRY_STREAM_MS);
    latest().readyState = 2;
    latest().emit("error");
    expect(tab.isCovered("/api/v1/runs/run_a")).toBe(false);
    expect(latest().closed).toBe(true);
  });

  it("stops covering at once when the session ended", () => {
    const tab = stream();
    tab.subscribe("/api/v1/runs/run_a", () => {});
    advance(100);
    latest().emit("ready", { heartbeatMs: 15_000 });
    latest().emit("signed-out", { message: "…" });
    expect(tab.isCovered("/api/v1/runs/run_a")).toBe(false);
    expect(latest().closed).toBe(true);
  });

  it("polls while the browser reconnects a stream that ended, and covers again once it is ready", () => {
    const tab = stream();
    tab.subscribe("/api/v1/runs/run_a", () => {});
    advance(100);
    latest().emit("ready", { heartbeatMs: 15_000 });
    latest().readyState = 0;
    latest().emit("error");
    expect(tab.isCovered("/api/v1/runs/run_a")).toBe(false);
    latest().emit("ready", { heartbeatMs: 15_000 });
    expect(tab.isCovered("/api/v1/runs/run_a")).toBe(true);
    expect(sources).toHaveLength(1);
  });
});
