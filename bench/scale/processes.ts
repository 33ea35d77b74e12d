/**
 * The processes of a two-instance deployment on one machine: the FLORA simulator and
 * production servers (scripts/serve.ts on the built app), each in its own process group on a
 * free loopback port, registered for clean-up.
 */
import { spawn, type ChildProcess } from "node:child_process";
import os from "node:os";
import readline from "node:readline";
import { freePort } from "../../e2e/support/free-port";
import { onCleanUp, trackGroup } from "./cleanup";

export interface Simulator {
  origin: string;
  apiKey: string;
}

export interface AppInstance {
  name: string;
  origin: string;
  pid: number;
  /** What the server printed (for a failure's message). */
  output(): string;
  /** SIGTERM, as an orchestrator stops a container; resolves when the process has exited. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
  exited(): boolean;
}

/** Sends `signal` to the child's whole group; quiet when it is already gone. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
}

/** Stops a group: SIGTERM, then SIGKILL after `graceMs`. */
async function stopGroup(child: ChildProcess, graceMs: number) {
  const exited = exitOf(child);
  signalGroup(child, "SIGTERM");
  const timer = setTimeout(() => signalGroup(child, "SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}

export async function startSimulator(root: string, env: Record<string, string>): Promise<Simulator> {
  const apiKey = "sk_test_scale_bench";
  const child = spawn(process.execPath, ["--import", "tsx", "simulator/main.ts"], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", SIMULATOR_PORT: "0", SIMULATOR_HOST: "127.0.0.1", SIMULATOR_API_KEY: apiKey, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const untrack = trackGroup(child.pid!);
  onCleanUp("the simulator", async () => {
    await stopGroup(child, 5_000);
    untrack();
  });
  let errors = "";
  child.stderr!.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  const baseURL = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the simulator did not start within 30 s\n${errors}`)), 30_000);
    readline.createInterface({ input: child.stdout! }).on("line", (line) => {
      const match = /^FLORA simulator listening on (\S+)$/.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the simulator exited (${code}) before it listened\n${errors}`));
    });
  });
  return { origin: new URL(baseURL).origin, apiKey };
}

async function answers(url: string): Promise<boolean> {
  return fetch(url, { signal: AbortSignal.timeout(5_000) }).then(
    (response) => response.ok,
    () => false,
  );
}

/**
 * scripts/serve.ts with `env` on a clean environment (nothing of this shell's leaks in);
 * resolves once /api/health answers 200. `port`: when the environment must name the origin
 * (PUBLIC_URL), the caller picks the free port first.
 */
export async function startAppInstance(root: string, name: string, env: Record<string, string>, port?: number): Promise<AppInstance> {
  port ??= await freePort();
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? os.tmpdir(), NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const untrack = trackGroup(child.pid!);
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = exitOf(child);
  onCleanUp(name, async () => {
    await stopGroup(child, 10_000);
    untrack();
  });
  const origin = `http://127.0.0.1:${port}`;
  const instance: AppInstance = {
    name,
    origin,
    pid: child.pid!,
    output: () => output,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    async stop() {
      const startedAt = Date.now();
      // The server process only (not its group): exactly what `docker stop` sends it.
      child.kill("SIGTERM");
      const { code, signal } = await exited;
      untrack();
      return { code, signal, ms: Date.now() - startedAt };
    },
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (instance.exited()) throw new Error(`${name} exited before it answered:\n${output}`);
    if (await answers(`${origin}/api/health`)) return instance;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} did not answer /api/health within 120 s:\n${output}`);
}
