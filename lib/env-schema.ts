import { z } from "zod";
import { parseDatabaseUrl } from "./db/database-url";

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

  /** The local store: a SQLite file by default, Postgres for postgres://… (lib/db/database-url.ts). */
  DATABASE_URL: blankIsUnset(
    z
      .string()
      .default("file:./data/atelier.db")
      .superRefine((value, ctx) => {
        try {
          parseDatabaseUrl(value, "/");
        } catch (error) {
          ctx.addIssue({ code: "custom", message: (error instanceof Error ? error.message : String(error)).replace(/^DATABASE_URL: /, "").replace(/\.$/, "") });
        }
      }),
  ),

  /** Signs session tokens. Required outside simulator mode. */
  AUTH_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 32)").optional()),
  /** The dashboard's public URL, for OAuth callbacks and Secure cookies behind a proxy. */
  NEXTAUTH_URL: optionalString.pipe(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional()),
  /** Failed sign-ins allowed per email and per client address in a minute. */
  AUTH_MAX_FAILED_ATTEMPTS: blankIsUnset(z.coerce.number().int().min(1).max(1000).default(10)),
  /** Who may sign in through OAuth/OIDC: addresses and domains, comma-separated. */
  AUTH_ALLOWLIST: optionalString,
  /** Role given to someone's first OAuth/OIDC sign-in. */
  AUTH_DEFAULT_ROLE: blankIsUnset(z.enum(["viewer", "member", "admin"], { error: "must be viewer, member or admin" }).default("viewer")),
  AUTH_GITHUB_ID: optionalString,
  AUTH_GITHUB_SECRET: optionalString,
  AUTH_GOOGLE_ID: optionalString,
  AUTH_GOOGLE_SECRET: optionalString,
  AUTH_OIDC_ISSUER: optionalString.pipe(z.url({ protocol: /^https?$/, error: "must be the issuer's URL" }).optional()),
  AUTH_OIDC_ID: optionalString,
  AUTH_OIDC_SECRET: optionalString,
  AUTH_OIDC_NAME: blankIsUnset(z.string().default("Single sign-on")),

  /**
   * How many reverse proxies in front of the dashboard append to X-Forwarded-For. 0 (the
   * default): the header is ignored and the socket's address is the client's.
   */
  TRUSTED_PROXY_HOPS: blankIsUnset(z.coerce.number({ error: "must be a whole number" }).int("must be a whole number").min(0).max(10, "must be 10 or less").default(0)),
  /** Gateway requests one teammate may make in a minute (polls answered from memory count too). */
  USER_RATE_LIMIT_PER_MINUTE: blankIsUnset(z.coerce.number({ error: "must be a whole number" }).int("must be a whole number").min(1).max(1_000_000).default(600)),
  /** Largest output the dashboard fetches for a download, in bytes (default 2 GiB). */
  OUTPUT_MAX_BYTES: blankIsUnset(z.coerce.number({ error: "must be a whole number of bytes" }).int("must be a whole number of bytes").min(1).max(Number.MAX_SAFE_INTEGER).default(2 * 1024 ** 3)),
  /**
   * Hosts outputs may come from (`cdn.example.com`, `*.example.com`): what the dashboard
   * fetches for downloads, and what the pages' CSP lets browsers load. Unset: any public host.
   */
  MEDIA_HOSTS: optionalString,
  /**
   * What a model launch is reserved against the budget caps when the store has never seen
   * that model charged (then the highest charge seen for it is used), in USD. $1.00 covers
   * one run of every model the simulator offers except the video ones.
   */
  BUDGET_DEFAULT_ESTIMATE_USD: blankIsUnset(z.coerce.number({ error: "must be a number of US dollars" }).finite("must be a number of US dollars").min(0, "must be 0 or more").max(10_000, "must be 10000 or less").default(1)),

  /** Days the activity log keeps an entry; older ones are pruned at start and then daily. */
  ACTIVITY_RETENTION_DAYS: blankIsUnset(z.coerce.number({ error: "must be a whole number of days" }).int("must be a whole number of days").min(1, "must be at least 1").max(36_500, "must be 36500 (100 years) or less").default(365)),

  /** The output archive's folder, when S3_BUCKET is not set. */
  ARCHIVE_DIR: blankIsUnset(z.string().default("./data/archive")),
  /** Which finished runs the archive copies: those the dashboard launched, every run it sees, or none. */
  ARCHIVE_RUNS: blankIsUnset(z.enum(["launched", "all", "none"], { error: "must be launched, all or none" }).default("launched")),
  /** Days the archive keeps a run's files; unset keeps them for good. */
  ARCHIVE_RETENTION_DAYS: blankIsUnset(z.coerce.number({ error: "must be a whole number of days" }).int("must be a whole number of days").min(1, "must be at least 1").max(36_500, "must be 36500 (100 years) or less").optional()),
  /** S3-compatible archive: the bucket (set it to use S3 instead of ARCHIVE_DIR). */
  S3_BUCKET: optionalString,
  /** The S3-compatible server's URL (MinIO, R2...); unset for AWS S3 itself. */
  S3_ENDPOINT: optionalString.pipe(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional()),
  S3_REGION: blankIsUnset(z.string().default("us-east-1")),
  /** With S3_SECRET_ACCESS_KEY; unset, the AWS SDK's default credential chain is used. */
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,

  /**
   * Redis for state shared by several instances (redis:// or rediss://). Accepted and
   * checked now; /api/health reports it "off" until the dashboard uses it.
   */
  REDIS_URL: optionalString.pipe(z.url({ protocol: /^rediss?$/, hostname: /./, error: "must be a redis:// or rediss:// URL" }).optional()),

  /**
   * The dashboard's public origin (https://atelier.example.com). Set, every launch asks
   * FLORA to POST a signed webhook to <PUBLIC_URL>/api/webhooks/flora when its run ends.
   * https, or http on a loopback address (local use and tests); an origin only.
   */
  PUBLIC_URL: optionalString.pipe(
    z
      .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://atelier.example.com" })
      .superRefine((value, ctx) => {
        const problem = publicUrlProblem(value);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      })
      .transform((value) => new URL(value).origin)
      .optional(),
  ),
  /** Verifies FLORA's webhook signatures (whsec_…, shown when the API key was made). Never logged. */
  FLORA_WEBHOOK_SECRET: optionalString.pipe(
    z
      .string()
      .regex(/^whsec_[\x21-\x7e]+$/, "must be the webhook signing secret, starting with whsec_")
      .optional(),
  ),

  /**
   * Set by `npm start` when it starts the simulator itself, to a random value it also gives
   * the simulator: the demo admin may sign in only while the upstream answers the same one.
   * Never set it by hand.
   */
  ATELIER_DEMO_INSTANCE: optionalString.pipe(z.string().min(16, "must be at least 16 characters (npm start sets it)").optional()),

  /** The simulator's demo admin (simulator mode only). */
  DEMO_ADMIN_EMAIL: blankIsUnset(z.email({ error: "must be an email address" }).default("admin@atelier.local")),
  DEMO_ADMIN_PASSWORD: blankIsUnset(z.string().min(8, "must be at least 8 characters").default("atelier-demo")),
});

type ParsedEnv = z.infer<typeof envSchema>;
export type Env = ParsedEnv & { FLORA_BASE_URL: string };

/** Settings that only make sense together. */
function crossFieldProblems(env: ParsedEnv): string[] {
  const problems: string[] = [];
  if (env.ATELIER_UPSTREAM === "flora" && !env.AUTH_SECRET) {
    problems.push(
      "AUTH_SECRET is not set. Outside simulator mode it is required to sign sessions: set it to a random string of 32 or more characters (openssl rand -base64 32).",
    );
  }
  if (env.ATELIER_UPSTREAM === "simulator") {
    if (env.FLORA_API_KEY?.startsWith("sk_live_")) {
      problems.push(
        "ATELIER_UPSTREAM is simulator but FLORA_API_KEY is a live key (sk_live_…). A live key must never run in simulator (demo) mode: unset ATELIER_UPSTREAM to use FLORA, or unset FLORA_API_KEY to use the simulator.",
      );
    }
    const base = env.FLORA_BASE_URL ?? FLORA_PUBLIC_BASE_URL;
    if (!isLoopbackUrl(base)) {
      problems.push(
        `ATELIER_UPSTREAM is simulator but FLORA_BASE_URL (${base}) is not a loopback address. The simulator runs on this machine only: point FLORA_BASE_URL at 127.0.0.1, localhost or [::1], or unset ATELIER_UPSTREAM.`,
      );
    }
  }
  if (env.PUBLIC_URL && !env.FLORA_WEBHOOK_SECRET) {
    problems.push(
      "PUBLIC_URL is set but FLORA_WEBHOOK_SECRET is not. Launches would ask FLORA for webhooks the dashboard could not verify: set FLORA_WEBHOOK_SECRET to the whsec_… signing secret, or unset PUBLIC_URL.",
    );
  }
  const pairs: Array<[keyof ParsedEnv, keyof ParsedEnv]> = [
    ["AUTH_GITHUB_ID", "AUTH_GITHUB_SECRET"],
    ["AUTH_GOOGLE_ID", "AUTH_GOOGLE_SECRET"],
    ["AUTH_OIDC_ID", "AUTH_OIDC_SECRET"],
    ["AUTH_OIDC_ID", "AUTH_OIDC_ISSUER"],
    ["S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"],
  ];
  for (const [a, b] of pairs) {
    if (!env[a] !== !env[b]) problems.push(`${env[a] ? b : a} is not set. ${a} and ${b} go together: set both or neither.`);
  }
  return problems;
}

/** Why a PUBLIC_URL cannot be the origin FLORA calls back, or undefined when it can. */
function publicUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined; // z.url() has said why already.
  }
  if (url.protocol === "http:" && !isLoopbackUrl(value)) return "must be https (http only on 127.0.0.1, localhost or [::1])";
  if (url.username || url.password) return "must not carry credentials";
  if (url.pathname !== "/" || url.search || url.hash) return "must be an origin only, without a path, query or fragment";
  return undefined;
}

/** True for an http(s) URL on 127.0.0.0/8, ::1 or localhost: this machine only. */
export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return host === "localhost" || host === "[::1]" || /^127(\.\d{1,3}){3}$/.test(host);
}

/** What to tell an operator for each variable, beside zod's own complaint. */
const HOW_TO_FIX: Partial<Record<keyof z.infer<typeof envSchema>, string>> = {
  FLORA_API_KEY:
    "Set it to your team's FLORA API key, or leave it unset and run `npm start` to use the built-in simulator.",
  FLORA_BASE_URL: "Leave it unset for FLORA itself, or give the base URL including /api/v1.",
  ATELIER_UPSTREAM: "`npm start` sets it; leave it unset when you start Next yourself against FLORA.",
  PORT: "Give a free TCP port, for example 3000.",
  PUBLIC_URL: "Give the origin teammates open the dashboard at, or leave it unset to do without FLORA's webhooks.",
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
  const problems = crossFieldProblems(result.data);
  if (problems.length > 0) throw new EnvError(problems);
  return { ...result.data, FLORA_BASE_URL: result.data.FLORA_BASE_URL ?? FLORA_PUBLIC_BASE_URL };
}

/** The app needs a key to reach any upstream; the start script provides one in simulator mode. */
export function requireFloraKey(env: Env): string {
  if (!env.FLORA_API_KEY) {
    throw new EnvError([`FLORA_API_KEY is not set. ${HOW_TO_FIX.FLORA_API_KEY}`]);
  }
  return env.FLORA_API_KEY;
}

/** DATABASE_URL alone, for the operator commands that need nothing else. */
export function readDatabaseUrl(source: Record<string, string | undefined>): string {
  return envSchema.shape.DATABASE_URL.parse(source.DATABASE_URL);
}
