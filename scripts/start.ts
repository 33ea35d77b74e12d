/**
 * `npm start`: one command from a fresh clone to a running dashboard.
 *
 * - Builds the app when the build is missing or older than its sources.
 * - Without FLORA_API_KEY, starts the built-in FLORA simulator on loopback and points the
 *   app at it over real HTTP (the simulator is only a base URL to the app).
 * - With FLORA_API_KEY, talks to FLORA (or FLORA_BASE_URL) and never starts the simulator.
 * - Honours PORT and HOSTNAME; `--dev` runs `next dev` instead of a production server.
 * - SIGINT or SIGTERM stops everything it started within 10 s, the app first (it finishes
 *   the requests in flight), then the simulator (scripts/lib/supervisor.ts).
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { EnvError, parseEnv } from "../lib/env-schema";
import { buildIsStale } from "./lib/build-freshness";
import { createSupervisor, runToCompletion, startSimulatorProcess } from "./lib/processes";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const devMode = process.argv.includes("--dev");

// Before anything is spawned, so a signal during the build or the simulator's start stops
// what is already running instead of leaving it behind.
const supervisor = createSupervisor();

async function main() {
  // Without a key this is simulator mode, which the environment check must know about
  // (AUTH_SECRET, for one, is only required against a real FLORA).
  const simulatorMode = !process.env.FLORA_API_KEY?.trim();
  // In simulator mode the base URL is the simulator's, on loopback, whatever the shell says.
  const env = parseEnv({
    ...process.env,
    ...(simulatorMode && { ATELIER_UPSTREAM: "simulator", FLORA_BASE_URL: "http://127.0.0.1/api/v1" }),
  });
  // The demo binds to loopback only; a real deployment listens where Next does by default.
  const hostname = env.HOSTNAME ?? (simulatorMode ? "127.0.0.1" : "0.0.0.0");
  const appEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

  if (!devMode && buildIsStale(root)) {
    console.log("Building the dashboard (first start, or the sources changed)…");
    await runToCompletion(process.execPath, [nextBin, "build"], { cwd: root, env: appEnv }, supervisor);
  }

  if (simulatorMode) {
    const simulatorKey = process.env.SIMULATOR_API_KEY || `sk_test_sim_${randomBytes(16).toString("hex")}`;
    // One random value for this start, given to both: the app's demo mode holds only while
    // its upstream answers the same one (lib/auth/demo-mode.ts).
    const instanceId = `demo_${randomBytes(24).toString("base64url")}`;
    const simulatorEnv = { ...process.env, SIMULATOR_API_KEY: simulatorKey, SIMULATOR_INSTANCE_ID: instanceId };
    const simulator = await startSimulatorProcess(root, simulatorEnv, supervisor);
    Object.assign(appEnv, {
      FLORA_API_KEY: simulatorKey,
      FLORA_BASE_URL: simulator.baseURL,
      ATELIER_UPSTREAM: "simulator",
      ATELIER_DEMO_INSTANCE: instanceId,
      // Sessions of the demo last as long as this process; set AUTH_SECRET to keep them.
      AUTH_SECRET: env.AUTH_SECRET ?? randomBytes(32).toString("base64url"),
    });
    console.log(`FLORA simulator: ${simulator.baseURL} (no FLORA_API_KEY set, so Atelier uses the simulator)`);
    console.log(`Sign in as ${env.DEMO_ADMIN_EMAIL} with the password ${env.DEMO_ADMIN_PASSWORD} (demo admin, simulator only).`);
  } else {
    appEnv.ATELIER_UPSTREAM = env.ATELIER_UPSTREAM;
    // Only a start that launched its own simulator is the demo.
    delete appEnv.ATELIER_DEMO_INSTANCE;
    console.log(`FLORA: ${env.FLORA_BASE_URL}`);
  }

  const serverArgs = devMode
    ? [nextBin, "dev", "--port", String(env.PORT), "--hostname", hostname]
    : ["--import", "tsx", path.join(root, "scripts", "serve.ts"), "--port", String(env.PORT), "--hostname", hostname];
  if (supervisor.stopping) return;
  const app = spawn(process.execPath, serverArgs, { cwd: root, env: { ...appEnv, NODE_ENV: devMode ? "development" : "production" }, stdio: "inherit" });
  supervisor.add(app, { name: "the app", essential: true });
  const shownHost = hostname === "0.0.0.0" || hostname === "127.0.0.1" ? "localhost" : hostname;
  console.log(`Atelier: http://${shownHost}:${env.PORT}`);
}

main().catch((error: unknown) => {
  // A child stopped by a stop already under way fails its step; the stop explains itself.
  if (!supervisor.stopping) console.error(error instanceof EnvError ? error.message : error);
  supervisor.stop(1);
});
