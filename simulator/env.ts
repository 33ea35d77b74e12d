import { z } from "zod";
import { DEFAULT_OPTIONS, type SimulatorOptions } from "./options";

// An empty variable means "use the default", as most shells make unsetting awkward.
const unsetIfEmpty = (value: unknown) => (value === "" ? undefined : value);

const number = (check: z.ZodNumber) =>
  z.preprocess(unsetIfEmpty, z.coerce.number({ error: "must be a number" }).pipe(check).optional());
const text = () => z.preprocess(unsetIfEmpty, z.string().min(1).optional());

const envSchema = z.object({
  SIMULATOR_HOST: text(),
  SIMULATOR_PORT: number(z.number().int("must be an integer").min(0).max(65535)),
  SIMULATOR_API_KEY: text(),
  SIMULATOR_SEED: number(z.number().int("must be an integer")),
  SIMULATOR_RUN_SECONDS: number(z.number().positive().max(86_400)),
  SIMULATOR_CREDITS: number(z.number().nonnegative()),
  SIMULATOR_RATE_LIMIT: number(z.number().int("must be an integer").nonnegative()),
  SIMULATOR_WEBHOOK_SECRET: text(),
  SIMULATOR_INSTANCE_ID: text(),
  SIMULATOR_PUBLIC_URL: z.preprocess(
    unsetIfEmpty,
    z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  ),
});

/** Reads SIMULATOR_* variables; throws an Error naming every bad variable. */
export function optionsFromEnv(env: Record<string, string | undefined>): SimulatorOptions {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid simulator environment:\n  ${problems.join("\n  ")}`);
  }
  const e = parsed.data;
  return {
    host: e.SIMULATOR_HOST ?? DEFAULT_OPTIONS.host,
    port: e.SIMULATOR_PORT ?? DEFAULT_OPTIONS.port,
    apiKey: e.SIMULATOR_API_KEY ?? DEFAULT_OPTIONS.apiKey,
    seed: e.SIMULATOR_SEED ?? DEFAULT_OPTIONS.seed,
    runSeconds: e.SIMULATOR_RUN_SECONDS ?? DEFAULT_OPTIONS.runSeconds,
    credits: e.SIMULATOR_CREDITS ?? DEFAULT_OPTIONS.credits,
    rateLimitPerMinute: e.SIMULATOR_RATE_LIMIT ?? DEFAULT_OPTIONS.rateLimitPerMinute,
    webhookSecret: e.SIMULATOR_WEBHOOK_SECRET ?? DEFAULT_OPTIONS.webhookSecret,
    ...(e.SIMULATOR_INSTANCE_ID ? { instanceId: e.SIMULATOR_INSTANCE_ID } : {}),
    ...(e.SIMULATOR_PUBLIC_URL ? { publicUrl: e.SIMULATOR_PUBLIC_URL.replace(/\/+$/, "") } : {}),
  };
}
