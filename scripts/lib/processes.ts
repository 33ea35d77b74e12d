import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import readline from "node:readline";

export type Child = ChildProcess;

/** Runs a command to its end with inherited output; rejects on a non-zero exit. */
export function runToCompletion(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(args[0] ?? command)} exited with ${signal ?? code}`)),
    );
  });
}

const LISTENING_LINE = /^FLORA simulator listening on (\S+)$/;
const SIMULATOR_START_TIMEOUT_MS = 30_000;

/** Starts simulator/main.ts and resolves with its base URL once it says it is listening. */
export function startSimulatorProcess(
  root: string,
  env: NodeJS.ProcessEnv,
): Promise<{ child: ChildProcess; baseURL: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "simulator", "main.ts")], {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "inherit"],
    });
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error("The FLORA simulator did not start within 30 s."));
    }, SIMULATOR_START_TIMEOUT_MS);
    let started = false;
    readline.createInterface({ input: child.stdout! }).on("line", (line) => {
      const match = LISTENING_LINE.exec(line);
      if (!started && match?.[1]) {
        started = true;
        clearTimeout(timer);
        resolve({ child, baseURL: match[1] });
      } else {
        console.log(`[simulator] ${line}`);
      }
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (!started) reject(new Error(`The FLORA simulator exited before it was ready (${signal ?? code}).`));
    });
  });
}

/**
 * Keeps the children's lifetimes tied together: a signal stops them all, and if one exits
 * the others are stopped too, so `npm start` never leaves half a system running.
 */
export function superviseChildren(children: ChildProcess[]) {
  let stopping = false;
  const stopAll = (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
    setTimeout(() => process.exit(exitCode), 5_000).unref();
    Promise.all(
      children.map((child) => (child.exitCode !== null ? null : new Promise((done) => child.once("exit", done)))),
    ).then(() => process.exit(exitCode));
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => stopAll(0));
  for (const child of children) child.on("exit", (code) => stopAll(code ?? 1));
}
