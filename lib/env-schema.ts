import { z } from "zod";

/**
 * Every environment variable the dashboard reads, in one schema. It is plain (no
 * `server-only`) so that the start script can check the environment before it builds or
 * spawns anything; the app itself reads the parsed values through lib/env.ts.
 */

const FLORA_PUBLIC_BASE_URL = "https://app.flora.ai/api/v1";

/** A blank variable (`FOO=`) means "unset", as it does in .env files and shell exports. */
function blankIsUnset<Schema extends z.ZodType>(schema: Schema) {
  return z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema);
}

const optionalString = blankIsUnset(z.string().trim().optional());

const port = z.coerce
  .number({ error: "must be a whole number" })
  .int("must be a whole number")
  .min(0, "must be between 0 and 65535")
  .max(65535, "must be between 0 and 65535");

export const envSchema = z.object({
  /** The team's FLORA API key. Unset: `npm start` runs the built-in simulator instead. */
  FLORA_API_KEY: optionalString.pipe(
    z
      .string()
      .regex(/^[\x21-\x7e]+$/, "must be a single token without spaces (sk_live_… or sk_test_…)")
      .optional(),
  ),
  /** Where FLORA's API lives; the simulator is only another base URL. */
  FLORA_BASE_URL: optionalString.pipe(
    z
      .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://app.flora.ai/api/v1" })
      .optional(),
  ),
  /** Which upstream the base URL points at: reported by /api/health, set by `npm start`. */
  ATELIER_UPSTREAM: blankIsUnset(
    z.enum(["flora", "simulator"], { error: 'must be "flora" or "simulator"' }).default("flora"),
  ),
  /** Server log verbosity. */
  LOG_LEVEL: blankIsUnset(
    z.enum(["debug", "info", "warn", "error"], { error: "must be debug, info, warn or error" }).default("info"),
  ),
  PORT: blankIsUnset(port.default(3000)),
  HOSTNAME: optionalString,
  NODE_ENV: blankIsUnset(z.enum(["development", "production", "test"]).default("production")),
});

export type Env = z.infer<typeof envSchema> & { FLORA_BASE_URL: string };

/** What to tell an operator for each variable, beside zod's own complaint. */
const HOW_TO_FIX: Partial<Record<keyof z.infer<typeof envSchema>, string>> = {
  FLORA_API_KEY:
    "Set it to your team's FLORA API key, or leave it unset and run `npm start` to use the built-in simulator.",
  FLORA_BASE_URL: "Leave it unset for FLORA itself, or give the base URL including /api/v1.",
  ATELIER_UPSTREAM: "`npm start` sets it; leave it unset when you start Next yourself against FLORA.",
  PORT: "Give a free TCP port, for example 3000.",
};

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Atelier cannot start: the environment is not valid.\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Parses an environment (process.env by default) or throws an EnvError naming each bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? "environment") as keyof typeof HOW_TO_FIX;
      const hint = HOW_TO_FIX[name];
      return `${name} ${issue.message}.${hint ? ` ${hint}` : ""}`;
    });
    throw new EnvError(problems);
  }
  return { ...result.data, FLORA_BASE_URL: result.data.FLORA_BASE_URL ?? FLORA_PUBLIC_BASE_URL };
}

/** The app needs a key to reach any upstream; the start script provides one in simulator mode. */
export function requireFloraKey(env: Env): string {
  if (!env.FLORA_API_KEY) {
    throw new EnvError([`FLORA_API_KEY is not set. ${HOW_TO_FIX.FLORA_API_KEY}`]);
  }
  return env.FLORA_API_KEY;
}
