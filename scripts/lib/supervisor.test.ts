import { EventEmitter } from "node:events";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createSupervisor } from "./supervisor";

/** A child process stand-in: records the signals it gets and exits as told. */
class FakeChild extends EventEmitter {
  exitCode: number | null = null;
  signalCode: NodeJS.Signals | null = null;
  readonly received: string[] = [];

  constructor(
    private readonly name: string,
    private readonly journal: string[],
    /** How long it takes to exit after SIGTERM; null: it ignores SIGTERM. */
    private readonly stopsAfterMs: number | null = 0,
  ) {
    super();
  }

  kill(signal: NodeJS.Signals | number = "SIGTERM") {
    if (this.exitCode !== null || this.signalCode !== null) return false;
    this.received.push(String(signal));
    this.journal.push(`${this.name} got ${signal}`);
    if (signal === "SIGKILL") setTimeout(() => this.exit(null, "SIGKILL"), 0);
    else if (this.stopsAfterMs !== null) setTimeout(() => this.exit(0, null), this.stopsAfterMs);
    return true;
  }

  exit(code: number | null, signal: NodeJS.Signals | null) {
    if (this.exitCode !== null || this.signalCode !== null) return;
    this.exitCode = code;
    this.signalCode = signal;
    this.journal.push(`${this.name} exited`);
    this.emit("exit", code, signal);
  }
}

let journal: string[];
let signals: EventEmitter;
let exits: number[];

function supervisor(killAfterMs = 9_500) {
  return createSupervisor({
    killAfterMs,
    signals,
    exit: (code) => {
      exits.push(code);
      journal.push(`exit ${code}`);
    },
    log: () => undefined,
  });
}

beforeEach(() => {
  vi.useFakeTimers();
  journal = [];
  signals = new EventEmitter();
  exits = [];
});
afterEach(() => {
  vi.useRealTimers();
});

describe("createSupervisor", () => {
  it("on SIGTERM stops the newest child first and the next only once it has exited", async () => {
    const running = supervisor();
    const simulator = new FakeChild("simulator", journal, 50);
    const app = new FakeChild("app", journal, 3_000);
    running.add(simulator, { name: "simulator", essential: true });
    running.add(app, { name: "app", essential: true });

    signals.emit("SIGTERM");
    await vi.advanceTimersByTimeAsync(2_999);
    // The app is still finishing its requests: the simulator answering them is left alone.
    expect(journal).toEqual(["app got SIGTERM"]);

    await vi.advanceTimersByTimeAsync(100);
    expect(journal).toEqual(["app got SIGTERM", "app exited", "simulator got SIGTERM", "simulator exited", "exit 0"]);
  });

  it("stops once when a terminal's Ctrl-C arrives twice (from the terminal and from npm)", async () => {
    const running = supervisor();
    const app = new FakeChild("app", journal, 10);
    running.add(app, { name: "app", essential: true });

    signals.emit("SIGINT");
    signals.emit("SIGINT");
    signals.emit("SIGTERM");
    await vi.advanceTimersByTimeAsync(1_000);

    expect(app.received).toEqual(["SIGTERM"]);
    expect(exits).toEqual([0]);
  });

  it("SIGKILLs a child that ignores SIGTERM at the deadline, and the rest with it, then exits", async () => {
    const running = supervisor(9_500);
    const simulator = new FakeChild("simulator", journal, null);
    const app = new FakeChild("app", journal, null);
    running.add(simulator, { name: "simulator", essential: true });
    running.add(app, { name: "app", essential: true });

    signals.emit("SIGTERM");
    await vi.advanceTimersByTimeAsync(9_499);
    expect(exits).toEqual([]);
    await vi.advanceTimersByTimeAsync(300);

    expect(app.received).toEqual(["SIGTERM", "SIGKILL"]);
    expect(simulator.received).toContain("SIGKILL");
    expect(app.signalCode).toBe("SIGKILL");
    expect(simulator.signalCode).toBe("SIGKILL");
    expect(exits).toEqual([0]);
  });

  it("stops the others when an essential child exits by itself, with its exit code", async () => {
    const running = supervisor();
    const simulator = new FakeChild("simulator", journal, 10);
    const app = new FakeChild("app", journal, 10);
    running.add(simulator, { name: "simulator", essential: true });
    running.add(app, { name: "app", essential: true });

    simulator.exit(3, null);
    await vi.advanceTimersByTimeAsync(100);

    expect(app.received).toEqual(["SIGTERM"]);
    expect(exits).toEqual([3]);
  });

  it("exits non-zero when an essential child is killed by a signal", async () => {
    const running = supervisor();
    const app = new FakeChild("app", journal, 10);
    running.add(app, { name: "app", essential: true });

    app.exit(null, "SIGKILL");
    await vi.advanceTimersByTimeAsync(10);

    expect(exits).toEqual([1]);
  });

  it("lets a task (the build) finish without stopping anything", async () => {
    const running = supervisor();
    const build = new FakeChild("build", journal, 10);
    running.add(build, { name: "build", essential: false });

    build.exit(0, null);
    await vi.advanceTimersByTimeAsync(10_000);

    expect(running.stopping).toBe(false);
    expect(exits).toEqual([]);
  });

  it("stops a task still running when the signal comes (a build in progress)", async () => {
    const running = supervisor();
    const build = new FakeChild("build", journal, 20);
    running.add(build, { name: "build", essential: false });

    signals.emit("SIGTERM");
    await vi.advanceTimersByTimeAsync(100);

    expect(build.received).toEqual(["SIGTERM"]);
    expect(exits).toEqual([0]);
  });

  it("stops a child spawned while the stop is under way, and waits for it", async () => {
    const running = supervisor();
    const simulator = new FakeChild("simulator", journal, 500);
    running.add(simulator, { name: "simulator", essential: true });
    signals.emit("SIGTERM");

    const app = new FakeChild("app", journal, 1_000);
    running.add(app, { name: "app", essential: true });
    await vi.advanceTimersByTimeAsync(600);
    expect(exits).toEqual([]);

    await vi.advanceTimersByTimeAsync(500);
    expect(app.received).toContain("SIGTERM");
    expect(app.exitCode).toBe(0);
    expect(exits).toEqual([0]);
  });

  it("exits at once when nothing was started", async () => {
    const running = supervisor();
    running.stop(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(exits).toEqual([1]);
  });
});
