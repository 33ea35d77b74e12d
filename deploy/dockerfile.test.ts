import fs from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { containerCommand, execForm, parseDockerfile, readDockerfile, type Stage } from "@/deploy/dockerfile";

/**
 * What can be checked of the Dockerfile without a Docker engine. The e2e suite runs its CMD
 * (e2e/health.spec.ts); deploy/rehearse.sh runs the whole build outside Docker.
 */

const root = path.resolve(import.meta.dirname, "..");
const stages = readDockerfile(root);
const runtime = stages.at(-1)!;
const all = (stage: Stage, keyword: string) => stage.instructions.filter((instruction) => instruction.keyword === keyword);

/** The paths the runtime stage copies in, relative to /app. */
function copiedPaths(stage: Stage): string[] {
  return all(stage, "COPY").flatMap((copy) => {
    const parts = copy.args.split(/\s+/).filter((part) => !part.startsWith("--"));
    const target = parts.pop()!;
    return parts.map((source) => (target === "./" ? path.posix.basename(source) : path.posix.normalize(target)));
  });
}

describe("the Dockerfile", () => {
  it("has separate stages, and the runtime stage starts from a fresh base image", () => {
    expect(stages.map((stage) => stage.name)).toEqual(["deps", "build", "runtime"]);
    // Not FROM deps or build: nothing of the build tools can come along.
    expect(runtime.from).toBe(stages[0]!.from);
  });

  it("keeps the compilers in the deps stage only", () => {
    expect(all(stages[0]!, "RUN").map((run) => run.args).join("\n")).toMatch(/apt-get install[^\n]*python3[^\n]*make[^\n]*g\+\+/);
    for (const run of all(runtime, "RUN")) expect(run.args).not.toMatch(/apt-get install|npm (ci|install)|next build/);
  });

  it("runs as a user that is not root", () => {
    const users = all(runtime, "USER");
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)!.args).not.toMatch(/^(root|0)(:|$)/);
    // Created in that stage, with a fixed id, so volumes can be given to it.
    expect(all(runtime, "RUN").map((run) => run.args).join("\n")).toMatch(new RegExp(`useradd [^\\n]*--uid \\d+ [^\\n]*${users.at(-1)!.args}`));
  });

  it("checks its health on /api/health with Node itself (no curl in the image)", () => {
    const checks = all(runtime, "HEALTHCHECK");
    expect(checks).toHaveLength(1);
    const command = execForm(checks[0]!.args.replace(/^(--\S+\s+)*CMD\s+/, ""));
    expect(command[0]).toBe("node");
    expect(command.join(" ")).toContain("/api/health");
    expect(command.join(" ")).toMatch(/r\.ok\s*\?\s*0\s*:\s*1/);
    expect(checks[0]!.args).toMatch(/--timeout=\d+s/);
  });

  it("starts the production server, not the start script: no simulator, no build", () => {
    const command = containerCommand(stages);
    expect(command.slice(0, 2)).toEqual(["sh", "-c"]);
    // exec: node replaces the shell, so SIGTERM reaches the server that drains requests.
    expect(command[2]).toMatch(/^exec node --import tsx scripts\/serve\.ts --port "\$\{PORT:-3000\}" --hostname 0\.0\.0\.0$/);
    expect(command.join(" ")).not.toMatch(/start\.ts|simulator|npm|next build/);
    expect(fs.existsSync(path.join(root, "scripts/serve.ts"))).toBe(true);
  });

  it("exposes the port, keeps /app/data on a volume, and runs in production mode", () => {
    expect(all(runtime, "EXPOSE").map((expose) => expose.args)).toEqual(["3000"]);
    expect(all(runtime, "VOLUME").map((volume) => execForm(volume.args))).toEqual([["/app/data"]]);
    expect(all(runtime, "ENV").map((env) => env.args).join(" ")).toMatch(/NODE_ENV=production/);
  });

  it("copies every source file the server and the users command import, and nothing of the simulator", async () => {
    const copied = copiedPaths(runtime);
    expect(copied).toEqual(expect.arrayContaining([".next", "node_modules", "package.json", "tsconfig.json", "next.config.mjs", "public"]));
    expect(copied.some((copy) => copy.startsWith("simulator") || copy.startsWith("e2e"))).toBe(false);
    const result = await build({
      absWorkingDir: root,
      entryPoints: ["scripts/serve.ts", "scripts/users.ts", "next.config.mjs"],
      bundle: true,
      write: false,
      metafile: true,
      platform: "node",
      format: "esm",
      packages: "external",
      outdir: "out",
      logLevel: "silent",
    });
    const sources = Object.keys(result.metafile.inputs);
    expect(sources.length).toBeGreaterThan(10);
    const missing = sources.filter((source) => !copied.some((copy) => source === copy || source.startsWith(`${copy}/`)));
    expect(missing).toEqual([]);
  });
});

describe("parseDockerfile", () => {
  it("joins continuations, drops comments inside them and names the stages", () => {
    const parsed = parseDockerfile('FROM node:20 AS one\nRUN a \\\n # a comment\n && b\nFROM one\nCMD ["x", "y"]\n');
    expect(parsed).toEqual([
      { from: "node:20", name: "one", instructions: [{ keyword: "RUN", args: "a && b" }] },
      { from: "one", name: undefined, instructions: [{ keyword: "CMD", args: '["x", "y"]' }] },
    ]);
    expect(containerCommand(parsed)).toEqual(["x", "y"]);
    expect(() => execForm("node server.js")).toThrow();
  });
});

describe(".dockerignore", () => {
  it("keeps secrets, stores and local builds out of the build context", () => {
    const ignored = fs.readFileSync(path.join(root, ".dockerignore"), "utf8").split("\n").map((line) => line.trim());
    for (const entry of ["node_modules", ".next", "data", "**/.env", "**/.env.*", ".git"]) expect(ignored).toContain(entry);
  });
});
