/**
 * A dress rehearsal of the Dockerfile on a machine without Docker:
 *
 *   node --import tsx deploy/rehearse.ts
 *
 * 1. build context: the repository minus what .dockerignore leaves out;
 * 2. deps: this checkout's node_modules stands in for `npm ci` (same lockfile);
 * 3. build: `next build`, then the Dockerfile's own `npm prune --omit=dev` (offline);
 * 4. runtime: only what the runtime stage's COPY lines name, owned as they are in the image
 *    (code by root, .next and data by the unprivileged user, here `nobody`);
 * 5. the image's CMD, as `nobody`, with the image's ENV, against a simulator standing in
 *    for FLORA: /api/health must answer 200, the HEALTHCHECK command must pass, SIGTERM must
 *    stop it with 0; and without FLORA_API_KEY or AUTH_SECRET it must refuse to start.
 *
 * Everything happens in a temporary folder; nothing in the checkout changes. It takes a
 * production build's time (a few minutes): run it by hand, not in `npm test`. A folder left
 * by a failed run can be given back (`--reuse DIR`) to skip steps 1 to 3 when they passed.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { containerCommand, execForm, readDockerfile, type Instruction } from "./dockerfile";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values: options } = parseArgs({ options: { reuse: { type: "string" } } });
const work = options.reuse ?? fs.mkdtempSync(path.join(os.tmpdir(), "atelier-rehearsal-"));
fs.chmodSync(work, 0o755);
const context = path.join(work, "build");
const app = path.join(work, "app");
const started = Date.now();
const step = (message: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}`);
// A fixed PATH, as a container has: node's folder and the system's.
const PATH = [path.dirname(process.execPath), "/usr/local/bin", "/usr/bin", "/bin"].join(":");
const baseEnv = { PATH, HOME: os.homedir(), NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" } as const;
const sh = (command: string, args: string[], cwd: string) => execFileSync(command, args, { cwd, stdio: ["ignore", "inherit", "inherit"], env: baseEnv });

const stages = readDockerfile(repo);
const runtime = stages.at(-1)!;
const of = (keyword: string): Instruction[] => runtime.instructions.filter((instruction) => instruction.keyword === keyword);

if (options.reuse) {
  step(`reusing the build in ${context}`);
  if (!fs.existsSync(path.join(context, ".next/BUILD_ID"))) throw new Error(`${context} holds no build`);
  fs.rmSync(app, { recursive: true, force: true });
} else {
  buildStages();
}

function buildStages() {
  // 1. The build context. .dockerignore's lines, as tar exclusions (`**/x` is any depth in both).
  step(`build context in ${context}`);
  fs.mkdirSync(context);
  const ignored = fs
    .readFileSync(path.join(repo, ".dockerignore"), "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#") && !line.startsWith("!"));
  const excludes = ignored.flatMap((pattern) => [`--exclude=./${pattern.replace(/^\*\*\//, "")}`, ...(pattern.startsWith("**/") ? [`--exclude=${pattern.slice(3)}`] : [])]);
  execFileSync("sh", ["-c", `tar -C "${repo}" ${excludes.map((e) => `'${e}'`).join(" ")} -cf - . | tar -C "${context}" -xf -`]);
  for (const pattern of ["node_modules", ".next", "data", ".env", ".git"]) {
    if (fs.existsSync(path.join(context, pattern))) throw new Error(`${pattern} reached the build context`);
  }

  // 2. deps (npm ci stands here as a copy of this checkout's install of the same lockfile).
  step("deps: copying node_modules");
  execFileSync("cp", ["-a", path.join(repo, "node_modules"), path.join(context, "node_modules")]);

  // 3. build, then the Dockerfile's prune.
  step("build: next build");
  sh(process.execPath, [path.join(context, "node_modules/next/dist/bin/next"), "build"], context);
  step("build: npm prune --omit=dev");
  sh("npm", ["prune", "--omit=dev", "--no-audit", "--no-fund", "--offline"], context);
  fs.rmSync(path.join(context, ".next/cache"), { recursive: true, force: true });
  // @playwright/test stays: it is also an optional peer of next, which `--omit=dev` keeps.
  for (const dev of ["typescript", "vitest", "eslint"]) {
    if (fs.existsSync(path.join(context, "node_modules", dev))) throw new Error(`the dev dependency ${dev} survived the prune`);
  }
}

// 4. runtime: the COPY --from=build lines, nothing else.
step(`runtime in ${app}`);
fs.mkdirSync(path.join(app, "data"), { recursive: true });
for (const copy of of("COPY")) {
  const parts = copy.args.split(/\s+/);
  if (!parts.includes("--from=build")) throw new Error(`unexpected COPY in the runtime stage: ${copy.args}`);
  const paths = parts.filter((part) => !part.startsWith("--"));
  const target = paths.pop()!;
  for (const source of paths) {
    const from = path.join(context, path.relative("/app", source));
    const to = target === "./" ? path.join(app, path.basename(source)) : path.join(app, target);
    fs.cpSync(from, to, { recursive: true, verbatimSymlinks: true });
  }
}
// The image's owners: the server may write only .next and data.
const nobody = { uid: Number(execFileSync("id", ["-u", "nobody"]).toString()), gid: Number(execFileSync("id", ["-g", "nobody"]).toString()) };
execFileSync("chown", ["-R", `${nobody.uid}:${nobody.gid}`, path.join(app, ".next"), path.join(app, "data")]);

// 5. Run the image's CMD as it would run.
const imageEnv = Object.fromEntries(of("ENV").flatMap((env) => [...env.args.matchAll(/(\w+)=(\S+)/g)].map((match) => [match[1]!, match[2]!])));
const [program, ...args] = containerCommand(stages);
const healthcheck = execForm(of("HEALTHCHECK")[0]!.args.replace(/^(--\S+\s+)*CMD\s+/, ""));
const port = String(40_000 + Math.floor(Math.random() * 20_000));
const simulatorPort = String(Number(port) + 1);
const simulatorKey = `sk_test_${randomBytes(12).toString("hex")}`;

function start(command: string, commandArgs: string[], cwd: string, env: Record<string, string>, asNobody: boolean) {
  let output = "";
  const child: ChildProcess = spawn(command, commandArgs, { cwd, env: { ...baseEnv, ...env }, stdio: ["ignore", "pipe", "pipe"], ...(asNobody && nobody) });
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function waitFor(url: string, child: ChildProcess, seconds: number): Promise<Response> {
  for (let waited = 0; waited < seconds * 4; waited++) {
    if (child.exitCode !== null) throw new Error(`exited (${child.exitCode}) before ${url} answered`);
    const response = await fetch(url).catch(() => undefined);
    if (response?.ok) return response;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

const simulator = start(process.execPath, ["--import", "tsx", "simulator/main.ts"], repo, { SIMULATOR_PORT: simulatorPort, SIMULATOR_API_KEY: simulatorKey }, false);
const containerEnv = (extra: Record<string, string>) => ({ ...imageEnv, HOME: "/nonexistent", PORT: port, ...extra });
const floraEnv = { FLORA_API_KEY: simulatorKey, FLORA_BASE_URL: `http://127.0.0.1:${simulatorPort}/api/v1` };
let failed = false;
try {
  step(`the image's CMD as nobody: ${[program, ...args].join(" ")}`);
  const server = start(program!, args, app, containerEnv({ ...floraEnv, AUTH_SECRET: randomBytes(32).toString("base64url") }), true);
  try {
    const body: unknown = await (await waitFor(`http://127.0.0.1:${port}/api/health`, server.child, 90)).json();
    step(`GET /api/health: ${JSON.stringify(body)}`);
    const probe = spawnSync(healthcheck[0]!, healthcheck.slice(1), { env: { PATH, NODE_ENV: "production", PORT: port }, timeout: 10_000 });
    step(`HEALTHCHECK exit code: ${probe.status}`);
    if (probe.status !== 0) failed = true;
    if (!fs.existsSync(path.join(app, "data/atelier.db"))) throw new Error("the store is not in /app/data");
  } finally {
    server.child.kill("SIGTERM");
  }
  const stopped = Date.now();
  const code = await server.exited;
  step(`SIGTERM: exit ${code} in ${Date.now() - stopped} ms`);
  if (code !== 0) failed = true;

  // The README's first step after `up`: the first admin, through the users command in the image.
  const users = spawnSync(process.execPath, ["--import", "tsx", "scripts/users.ts", "add", "admin@example.com", "--role", "admin", "--password-stdin"], {
    cwd: app,
    input: "a-long-rehearsal-password\n",
    env: { ...baseEnv, ...containerEnv({}) },
    ...nobody,
    timeout: 60_000,
  });
  step(`users add (the first admin): exit ${users.status} ${users.stdout.toString().trim()} ${users.stderr.toString().trim()}`);
  if (users.status !== 0) failed = true;

  for (const [missing, env] of [
    ["AUTH_SECRET", containerEnv(floraEnv)],
    ["FLORA_API_KEY", containerEnv({ AUTH_SECRET: randomBytes(32).toString("base64url") })],
  ] as const) {
    const refused = start(program!, args, app, env, true);
    const exit = await refused.exited;
    const named = refused.output().includes(`${missing} is not set`);
    step(`without ${missing}: exit ${exit}, ${named ? "names it" : "DOES NOT NAME IT"}`);
    if (exit === 0 || !named) failed = true;
  }
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  simulator.child.kill("SIGTERM");
  await simulator.exited;
}
const size = execFileSync("du", ["-sh", app]).toString().split("\t")[0];
step(`${failed ? "FAILED" : "passed"}; the runtime stage's files: ${size} (in ${app})`);
fs.rmSync(work, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
