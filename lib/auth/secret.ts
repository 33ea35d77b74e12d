import "server-only";
import { randomBytes } from "node:crypto";
import { getEnv } from "@/lib/env";

const globalSecret = globalThis as typeof globalThis & { __atelierEphemeralAuthSecret?: string };

/**
 * The key that signs session tokens. Outside simulator mode AUTH_SECRET is required (the
 * env schema enforces it); on the simulator a missing one is made up per process, so the
 * demo needs no setup and its sessions simply end with the process.
 */
export function getAuthSecret(): string {
  const configured = getEnv().AUTH_SECRET;
  if (configured) return configured;
  globalSecret.__atelierEphemeralAuthSecret ??= randomBytes(32).toString("base64url");
  return globalSecret.__atelierEphemeralAuthSecret;
}
