/**
 * `npm start`: one command from a fresh clone to a running dashboard.
 *
 * - Builds the app when the build is missing or older than its sources.
 * - Without FLORA_API_KEY, starts the built-in FLORA simulator on loopback and points the
 *   app at it over real HTTP (the simulator is only a base URL to the app).
 * - With FLORA_API_KEY, talks to FLORA (or FLORA_BASE_URL) and never starts the simulator.
 * - Honours PORT and HOSTNAME; `--dev` runs `next dev` instead of a production server.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { EnvError, parseEnv } from "../lib/env-schema";
import { buildIsStale } from "./lib/build-freshness";
import { runToCompletion, startSimulatorProcess, superviseChildren, type Child } from "./lib/processes";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const devMode = process.argv.includes("--dev");

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
  const children: Child[] = [];
  const appEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

  if (!devMode && buildIsStale(root)) {
    console.log("Building the dashboard (first start, or the sources changed)…");
    await runToCompletion(process.execPath, [nextBin, "build"], { cwd: root, env: appEnv });
  }

  if (simulatorMode) {
    const simulatorKey = process.env.SIMULATOR_API_KEY || `sk_test_sim_${randomBytes(16).toString("hex")}`;
    // One random value for this start, given to both: the app's demo mode holds only while
    // its upstream answers the same one (lib/auth/demo-mode.ts).
    const instanceId = `demo_${randomBytes(24).toString("base64url")}`;
    const simulator = await startSimulatorProcess(root, { ...process.env, SIMULATOR_API_KEY: simulatorKey, SIMULATOR_INSTANCE_ID: instanceId });
    children.push(simulator.child);
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
  const app = spawn(process.execPath, serverArgs, { cwd: root, env: { ...appEnv, NODE_ENV: devMode ? "development" : "production" }, stdio: "inherit" });
  children.push(app);
  const shownHost = hostname === "0.0.0.0" || hostname === "127.0.0.1" ? "localhost" : hostname;
  console.log(`Atelier: http://${shownHost}:${env.PORT}`);
  superviseChildren(children);
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
});
