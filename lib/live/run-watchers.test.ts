import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/errors/api-error";
import type { Run } from "@/lib/flora/schemas";
import { AFTER_SAFETY_INTERVAL_MS, NUDGE_RETRY_MS, RunWatchers, UNKNOWN_ESTIMATE_SAFETY_MS, type WatchEvent, type WebhookCoverage } from "@/lib/live/run-watchers";
import { BRISK_INTERVAL_MS } from "@/lib/runs/poll-policy";
import type { RunRef } from "@/lib/runs/run-ref";

const REF: RunRef = { kind: "generation", runId: "run_a", techniqueId: null };
const PATH = "/api/v1/runs/run_a";

const run = (status: Run["status"], progress = 0): Run => ({
  run_id: "run_a",
  status,
  progress,
  created_at: 1,
  poll_url: "https://upstream.example/v1/runs/run_a",
});

/** A clock and timers the test moves by hand; reads answer from a script. */
function harness(coverage: WebhookCoverage = { covered: false, estimatedSeconds: null }) {
  let now = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  let nextTimer = 1;
  const answers: Array<Run | Error> = [];
  const reads: number[] = [];
  const watchers = new RunWatchers({
    read: async () => {
      reads.push(now);
      const answer = answers.length > 1 ? answers.shift()! : answers[0]!;
      if (answer instanceof Error) throw answer;
      return answer;
    },
    coverage: async () => coverage,
    now: () => now,
    setTimer: (fire, ms) => {
      const id = nextTimer++;
      timers.set(id, { at: now + ms, run: fire });
      return id;
    },
    clearTimer: (id) => void timers.delete(id as number),
  });
  /** Moves the clock, firing due timers in order, and lets their reads settle. */
  async function advance(ms: number) {
    const end = now + ms;
    for (;;) {
      const due = [...timers.entries()].filter(([, timer]) => timer.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = due[1].at;
      due[1].run();
      for (let tick = 0; tick < 10; tick += 1) await Promise.resolve();
    }
    now = end;
  }
  return { watchers, answers, reads, advance, pending: () => timers.size };
}

const collect = () => {
  const events: WatchEvent[] = [];
  return { events, listener: (event: WatchEvent) => events.push(event) };
};

describe("RunWatchers", () => {
  it("reads a watched run once however many tabs watch it, and tells each tab only of changes", async () => {
    const h = harness();
    h.answers.push(run("running", 10));
    const [a, b] = [collect(), collect()];
    h.watchers.watch(PATH, REF, a.listener);
    h.watchers.watch(PATH, REF, b.listener);
    await h.advance(0);
    expect(h.reads).toEqual([0]);
    // Unchanged answers are not news.
    await h.advance(BRISK_INTERVAL_MS * 2);
    expect(h.reads).toEqual([0, BRISK_INTERVAL_MS, BRISK_INTERVAL_MS * 2]);
    expect(a.events.map((event) => event.kind)).toEqual(["run"]);
    h.answers.splice(0, h.answers.length, run("completed", 100));
    await h.advance(BRISK_INTERVAL_MS);
    for (const tab of [a, b]) {
      expect(tab.events.map((event) => (event.kind === "run" ? event.run.status : event.kind))).toEqual(["running", "completed"]);
    }
    // The tab gets the dashboard's poll path, never FLORA's absolute poll_url.
    expect(a.events[0]).toMatchObject({ run: { poll_url: PATH } });
    // A finished run is not read again.
    await h.advance(60_000);
    expect(h.reads).toHaveLength(4);
    expect(h.pending()).toBe(0);
  });

  it("stops reading when the last tab stops watching, and a later watcher starts afresh", async () => {
    const h = harness();
    h.answers.push(run("running"));
    const tab = collect();
    const stop = h.watchers.watch(PATH, REF, tab.listener);
    await h.advance(0);
    stop();
    expect(h.watchers.size).toBe(0);
    await h.advance(60_000);
    expect(h.reads).toEqual([0]);
    h.watchers.watch(PATH, REF, collect().listener);
    await h.advance(0);
    expect(h.reads).toEqual([0, 60_000]);
  });

  it("gives a joining tab the latest state at once, unless it already has it (resume after a sequence number)", async () => {
    const h = harness();
    h.answers.push(run("running", 40));
    h.watchers.watch(PATH, REF, collect().listener);
    await h.advance(0);
    const seq = h.watchers.lastSeq;
    const fresh = collect();
    h.watchers.watch(PATH, REF, fresh.listener);
    expect(fresh.events).toEqual([expect.objectContaining({ kind: "run", seq })]);
    const resumed = collect();
    h.watchers.watch(PATH, REF, resumed.listener, seq);
    expect(resumed.events).toEqual([]);
  });

  it("tells of a problem reading FLORA, backs off, and tells again when the run can be read", async () => {
    const h = harness();
    h.answers.push(new ApiError("upstream_timeout", "FLORA did not answer in time."), run("running", 5));
    const tab = collect();
    h.watchers.watch(PATH, REF, tab.listener);
    await h.advance(0);
    expect(tab.events).toEqual([expect.objectContaining({ kind: "problem", status: 504, code: "upstream_timeout" })]);
    // retryDelayMs: 2 s after the first failure.
    await h.advance(1_999);
    expect(h.reads).toEqual([0]);
    await h.advance(1);
    expect(h.reads).toEqual([0, 2_000]);
    expect(tab.events.map((event) => event.kind)).toEqual(["problem", "run"]);
  });

  it("ends the watch when FLORA has no such run", async () => {
    const h = harness();
    h.answers.push(new ApiError("not_found", "FLORA has no such run."));
    const tab = collect();
    h.watchers.watch(PATH, REF, tab.listener);
    await h.advance(60_000);
    expect(tab.events).toEqual([expect.objectContaining({ kind: "gone", path: PATH })]);
    expect(h.reads).toHaveLength(1);
  });

  it("reads a run a webhook will report once more only, at twice its estimate, then slowly", async () => {
    const h = harness({ covered: true, estimatedSeconds: 30 });
    h.answers.push(run("running"));
    h.watchers.watch(PATH, REF, collect().listener);
    await h.advance(59_999);
    expect(h.reads).toEqual([0]);
    await h.advance(1);
    expect(h.reads).toEqual([0, 60_000]);
    await h.advance(AFTER_SAFETY_INTERVAL_MS);
    expect(h.reads).toEqual([0, 60_000, 60_000 + AFTER_SAFETY_INTERVAL_MS]);
  });

  it("without an estimate, a covered run's safety read comes after UNKNOWN_ESTIMATE_SAFETY_MS", async () => {
    const h = harness({ covered: true, estimatedSeconds: null });
    h.answers.push(run("running"));
    h.watchers.watch(PATH, REF, collect().listener);
    await h.advance(UNKNOWN_ESTIMATE_SAFETY_MS - 1);
    expect(h.reads).toEqual([0]);
    await h.advance(1);
    expect(h.reads).toHaveLength(2);
  });

  it("a webhook's news is read at once and reaches every watching tab; a finished run is then read no more", async () => {
    const h = harness({ covered: true, estimatedSeconds: 30 });
    h.answers.push(run("running"));
    const [a, b] = [collect(), collect()];
    h.watchers.watch(PATH, REF, a.listener);
    h.watchers.watch(PATH, REF, b.listener);
    await h.advance(1_000);
    h.answers.splice(0, h.answers.length, run("completed", 100));
    h.watchers.nudge("run_a", "completed");
    await h.advance(0);
    expect(h.reads).toEqual([0, 1_000]);
    for (const tab of [a, b]) expect(tab.events.map((event) => (event.kind === "run" ? event.run.status : event.kind))).toEqual(["running", "completed"]);
    // The same news twice (a redelivery, a second instance) costs no read of a finished run.
    h.watchers.nudge("run_a", "completed");
    await h.advance(10 * 60_000);
    expect(h.reads).toEqual([0, 1_000]);
    expect(a.events).toHaveLength(2);
  });

  it("a nudge that finds this memory still holding the old state reads again shortly, a few times at most", async () => {
    const h = harness({ covered: true, estimatedSeconds: 30 });
    h.answers.push(run("running"), run("running"), run("completed", 100));
    const tab = collect();
    h.watchers.watch(PATH, REF, tab.listener);
    await h.advance(0);
    h.watchers.nudge("run_a", "completed");
    await h.advance(0);
    await h.advance(NUDGE_RETRY_MS);
    expect(h.reads).toEqual([0, 0, NUDGE_RETRY_MS]);
    expect(tab.events.map((event) => (event.kind === "run" ? event.run.status : event.kind))).toEqual(["running", "completed"]);
    // Another run's news is not this tab's, and reads nothing.
    const other = harness();
    other.answers.push(run("running"));
    other.watchers.watch(PATH, REF, collect().listener);
    await other.advance(0);
    other.watchers.nudge("run_b", "completed");
    await other.advance(1);
    expect(other.reads).toEqual([0]);
  });

  it("gives up on a nudge whose state no read confirms, and goes back to its schedule", async () => {
    const h = harness({ covered: true, estimatedSeconds: 30 });
    h.answers.push(run("running"));
    h.watchers.watch(PATH, REF, collect().listener);
    await h.advance(0);
    h.watchers.nudge("run_a", "failed");
    await h.advance(NUDGE_RETRY_MS * 3);
    expect(h.reads).toEqual([0, 0, NUDGE_RETRY_MS, NUDGE_RETRY_MS * 2, NUDGE_RETRY_MS * 3]);
    await h.advance(AFTER_SAFETY_INTERVAL_MS - 1);
    expect(h.reads).toHaveLength(5);
  });
});
