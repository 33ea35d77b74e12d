import fs from "node:fs";
import path from "node:path";

/**
 * A small reader for this repository's Dockerfile, so that tests can check what Docker
 * would do without a Docker engine: which stages there are, what the last one copies,
 * which user it runs as, and the exact command it starts (which the e2e suite then runs).
 * It understands what the Dockerfile uses: comments, `\` continuations and JSON (exec) form.
 */

export interface Instruction {
  keyword: string;
  args: string;
}

export interface Stage {
  name: string | undefined;
  from: string;
  instructions: Instruction[];
}

export function parseDockerfile(text: string): Stage[] {
  const logical: string[] = [];
  let pending = "";
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    // Comment lines are dropped even inside a continuation, as Docker does.
    if (line.startsWith("#")) continue;
    if (line.endsWith("\\")) {
      pending += `${line.slice(0, -1)} `;
      continue;
    }
    const whole = (pending + line).trim();
    pending = "";
    if (whole) logical.push(whole);
  }
  const stages: Stage[] = [];
  for (const line of logical) {
    const [keyword = "", ...rest] = line.split(/\s+/);
    const instruction = { keyword: keyword.toUpperCase(), args: rest.join(" ") };
    if (instruction.keyword === "FROM") {
      const match = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(instruction.args);
      stages.push({ from: match?.[1] ?? instruction.args, name: match?.[2], instructions: [] });
    } else if (stages.length > 0) {
      stages.at(-1)!.instructions.push(instruction);
    }
  }
  return stages;
}

/** The argument list of an exec-form (JSON array) instruction such as CMD or HEALTHCHECK's CMD. */
export function execForm(args: string): string[] {
  const parsed: unknown = JSON.parse(args);
  if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === "string")) {
    throw new Error(`not an exec-form (JSON array of strings) instruction: ${args}`);
  }
  return parsed;
}

export function readDockerfile(root: string = process.cwd()): Stage[] {
  return parseDockerfile(fs.readFileSync(path.join(root, "Dockerfile"), "utf8"));
}

/** The runtime stage's CMD, as the argument list the container starts. */
export function containerCommand(stages: Stage[]): string[] {
  const cmd = stages.at(-1)?.instructions.findLast((instruction) => instruction.keyword === "CMD");
  if (!cmd) throw new Error("the runtime stage has no CMD");
  return execForm(cmd.args);
}
