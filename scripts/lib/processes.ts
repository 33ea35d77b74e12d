import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import { createSupervisor, type Supervisor } from "./supervisor";

export { createSupervisor, type Supervisor };

/**
 * Runs a command to its end with inherited output; rejects on a non-zero exit. The
 * supervisor stops it too if the start script is told to stop meanwhile.
 */
export function runToCompletion(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
  supervisor: Supervisor,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: "inherit" });
    supervisor.add(child, { name: path.basename(args[0] ?? command), essential: false });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(args[0] ?? command)} exited with ${signal ?? code}`)),
    );
  });
}

const LISTENING_LINE = /^FLORA simulator listening on (\S+)$/;
const SIMULATOR_START_TIMEOUT_MS = 30_000;

/**
 * Starts simulator/main.ts under the supervisor and resolves with its base URL once it says
 * it is listening.
 */
export function startSimulatorProcess(
  root: string,
  env: NodeJS.ProcessEnv,
  supervisor: Supervisor,
): Promise<{ child: ChildProcess; baseURL: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "simulator", "main.ts")], {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "inherit"],
    });
    supervisor.add(child, { name: "the FLORA simulator", essential: true });
    const timer = setTimeout(() => {
      reject(new Error("The FLORA simulator did not start within 30 s."));
      child.kill();
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
