import type { ChildProcess } from "node:child_process";
import { STOP_BUDGET } from "./stop-budget";

/** What the supervisor needs of a child process (a fake one in tests). */
export interface SupervisedChild {
  readonly exitCode: ChildProcess["exitCode"];
  readonly signalCode: ChildProcess["signalCode"];
  kill(signal?: NodeJS.Signals | number): boolean;
  once(event: "exit", listener: (code: number | null, signal: NodeJS.Signals | null) => void): unknown;
}

export interface Supervisor {
  /**
   * Puts a child under supervision as soon as it is spawned. Every child is stopped when
   * the system stops; an essential one (the app, the simulator) also stops the system
   * when it exits by itself.
   */
  add(child: SupervisedChild, options: { name: string; essential: boolean }): void;
  /** Stops every child, newest first, then exits with `exitCode`; later calls do nothing. */
  stop(exitCode: number): void;
  readonly stopping: boolean;
}

export interface SupervisorOptions {
  /** Children still running this long after the stop began are SIGKILLed. */
  killAfterMs?: number;
  /** Where the supervisor's own signals come from (the process; an emitter in tests). */
  signals?: { on(signal: "SIGINT" | "SIGTERM", listener: () => void): unknown };
  exit?: (code: number) => void;
  log?: (message: string) => void;
}

interface Entry {
  child: SupervisedChild;
  name: string;
  exited: Promise<void>;
  done: boolean;
}

/** After the SIGKILLs, how long the exits may take to be reported before leaving anyway. */
const KILL_REPORT_MS = 250;

/**
 * Keeps the start script's children's lifetimes tied together, so `npm start` never leaves
 * half a system running: SIGINT or SIGTERM to the start script, or an essential child
 * exiting, stops them all. They stop one at a time, newest first, because each one started
 * uses the ones before it: the app finishes the launches it has in flight with the simulator
 * still answering them. Whatever is still running at the deadline is SIGKILLed.
 */
export function createSupervisor(options: SupervisorOptions = {}): Supervisor {
  const killAfterMs = options.killAfterMs ?? STOP_BUDGET.supervisorKillMs;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const log = options.log ?? ((message: string) => console.log(message));
  const entries: Entry[] = [];
  let stopping = false;

  const stop = (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    void stopAll(exitCode);
  };

  const stopAll = async (exitCode: number) => {
    const startedAt = Date.now();
    let exited = false;
    const leave = () => {
      if (exited) return;
      exited = true;
      clearTimeout(killTimer);
      if (entries.length > 0) log(`Stopped in ${Date.now() - startedAt} ms.`);
      exit(exitCode);
    };
    const killTimer = setTimeout(() => {
      for (const entry of entries) {
        if (entry.done) continue;
        log(`${entry.name} did not stop within ${killAfterMs} ms: killing it.`);
        entry.child.kill("SIGKILL");
      }
      setTimeout(leave, KILL_REPORT_MS).unref();
    }, killAfterMs);
    // Children added while stopping (spawned just before the signal) are stopped too.
    for (let entry = lastRunning(); entry; entry = lastRunning()) {
      entry.child.kill("SIGTERM");
      await entry.exited;
    }
    leave();
  };

  const lastRunning = () => entries.findLast((entry) => !entry.done);

  const add: Supervisor["add"] = (child, { name, essential }) => {
    const alreadyExited = child.exitCode !== null || child.signalCode !== null;
    const entry: Entry = { child, name, done: alreadyExited, exited: Promise.resolve() };
    if (!alreadyExited) {
      entry.exited = new Promise((resolve) => {
        child.once("exit", (code, signal) => {
          entry.done = true;
          resolve();
          // Exiting by itself, even with 0, leaves the system without this part.
          if (essential && !stopping) {
            log(`${name} exited (${signal ?? code}); stopping the rest.`);
            stop(code || 1);
          }
        });
      });
    }
    entries.push(entry);
    if (stopping && !entry.done) entry.child.kill("SIGTERM");
  };

  const signals = options.signals ?? process;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    // A terminal's Ctrl-C reaches the start script twice (from the terminal and from npm),
    // so a repeated signal only lets the stop under way go on.
    signals.on(signal, () => {
      if (!stopping) log(`${signal}: stopping (at most ${Math.ceil(killAfterMs / 1000)} s)…`);
      stop(0);
    });
  }

  return {
    add,
    stop,
    get stopping() {
      return stopping;
    },
  };
}
