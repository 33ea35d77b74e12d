/**
 * Everything the scale benchmark starts (Postgres, Redis, the simulator, app instances, temp
 * folders) registers how to undo it here, so that a failure or a Ctrl-C leaves nothing
 * running: clean-ups run newest first, each on its own (one that fails does not keep the
 * others from running).
 */
type CleanUp = { name: string; run: () => Promise<void> };

const cleanUps: CleanUp[] = [];
/** Process groups still alive, killed synchronously if the process exits before clean-up. */
const groups = new Set<number>();

export function onCleanUp(name: string, run: () => Promise<void>): void {
  cleanUps.push({ name, run });
}

/** A detached child's process group, SIGKILLed on exit if nothing stopped it before. */
export function trackGroup(pid: number): () => void {
  groups.add(pid);
  return () => groups.delete(pid);
}

let running: Promise<void> | undefined;
let signalled = false;

/** True once a signal started the clean-up: what fails after that is its consequence, not news. */
export const interrupted = () => signalled;

export function cleanUpAll(): Promise<void> {
  running ??= (async () => {
    while (cleanUps.length > 0) {
      const { name, run } = cleanUps.pop()!;
      try {
        await run();
      } catch (error: unknown) {
        console.error(`clean-up of ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  })();
  return running;
}

/** Ctrl-C, SIGTERM or SIGHUP: clean up, then exit 130. A second signal does not interrupt it. */
export function cleanUpOnSignals(): void {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      if (running) return;
      signalled = true;
      console.error(`\n${signal}: stopping everything the benchmark started…`);
      void cleanUpAll().finally(() => process.exit(130));
    });
  }
  // Last resort (an exit nobody awaited the clean-up for): no child outlives the benchmark.
  process.on("exit", () => {
    for (const pid of groups) {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  });
}

/** A benchmark's entry point: clean-up after `main` whatever happens; exit code 1 when it failed (quietly when a signal stopped it). */
export function runBenchmark(main: () => Promise<void>): void {
  main()
    .catch((error: unknown) => {
      if (!interrupted()) console.error(error);
      process.exitCode = 1;
    })
    .finally(() => cleanUpAll());
}
