import "server-only";
import { parseEnv, type Env } from "@/lib/env-schema";

/**
 * The validated environment: the one place the app reads process.env (house style 5).
 * Parsed on first use, so a build without runtime variables still succeeds, and checked
 * at server start by instrumentation.ts so a bad variable fails loudly and early.
 */
let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
