import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { envSchema, parseEnv } from "@/lib/env-schema";
import { KEEP_ALIVE_TIMEOUT_MS } from "../scripts/lib/keep-alive";

/**
 * What can be checked of docker-compose.yml without a Docker engine: the services, how they
 * depend on each other, and that every variable the dashboard is given is one it knows
 * and accepts. js-yaml is ESLint's own YAML reader, already installed.
 */

const require = createRequire(import.meta.url);
const yaml = require("js-yaml") as { load: (text: string) => unknown };

const root = path.resolve(import.meta.dirname, "..");
const composeText = fs.readFileSync(path.join(root, "docker-compose.yml"), "utf8");
const caddyfile = fs.readFileSync(path.join(root, "deploy/Caddyfile"), "utf8");

interface Service {
  image?: string;
  build?: string;
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}

const compose = yaml.load(composeText) as { services: Record<string, Service> };
const services = compose.services;
const apps = ["atelier-1", "atelier-2"] as const;

/** The variables deploy/compose.env.example lists, as written. */
function exampleFile(): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of fs.readFileSync(path.join(root, "deploy/compose.env.example"), "utf8").split("\n")) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line);
    if (match) values[match[1]!] = match[2]!;
  }
  return values;
}

/** The example with a value for every blank (what an operator fills in). */
function exampleEnv(): Record<string, string> {
  const values = exampleFile();
  values.FLORA_API_KEY ||= "sk_live_example_key";
  values.AUTH_SECRET ||= "x".repeat(44);
  values.POSTGRES_PASSWORD ||= "0123456789abcdef";
  values.MINIO_ROOT_USER ||= "minio-admin";
  values.MINIO_ROOT_PASSWORD ||= "minio-admin-password";
  values.S3_SECRET_ACCESS_KEY ||= "archive-secret-key";
  return values;
}

/** Compose's interpolation, for the forms the file uses: ${A}, ${A:-default}, ${A:?error}. */
function interpolate(value: string, env: Record<string, string>): string {
  return value.replace(/\$\{([A-Z0-9_]+)(?:(:-|:\?)([^}]*))?\}/g, (_, name: string, op: string | undefined, rest: string | undefined) => {
    const set = env[name];
    if (set) return set;
    if (op === ":?") throw new Error(`${name}: ${rest}`);
    return op === ":-" ? (rest ?? "") : "";
  });
}

describe("docker-compose.yml", () => {
  it("runs two Atelier instances of one image behind Caddy, with Postgres 15, Redis 7 and MinIO", () => {
    expect(Object.keys(services).sort()).toEqual(["atelier-1", "atelier-2", "caddy", "minio", "minio-setup", "postgres", "redis"]);
    for (const app of apps) {
      expect(services[app]!.build).toBe(".");
      expect(services[app]!.image).toBe("atelier:local");
    }
    expect(services.caddy!.image).toMatch(/^caddy:2/);
    expect(services.postgres!.image).toMatch(/^postgres:15\b/);
    expect(services.redis!.image).toMatch(/^redis:7\b/);
    expect(services.minio!.image).toMatch(/minio\/minio:/);
  });

  it("publishes only Caddy's ports: the instances are reached through it", () => {
    for (const app of apps) expect(services[app]!.ports).toBeUndefined();
    expect(services.caddy!.ports).toEqual(expect.arrayContaining([expect.stringMatching(/:80$/), expect.stringMatching(/:443$/)]));
  });

  it("load-balances over both instances with health checks on /api/health", () => {
    expect(services.caddy!.volumes).toContain("./deploy/Caddyfile:/etc/caddy/Caddyfile:ro");
    expect(caddyfile).toMatch(/reverse_proxy atelier-1:3000 atelier-2:3000 \{/);
    expect(caddyfile).toMatch(/^\s*health_uri \/api\/health$/m);
    expect(caddyfile).toMatch(/^\s*lb_policy \S+$/m);
  });

  it("the instances keep an idle connection longer than Caddy reuses one", () => {
    // Without its own `keepalive`, Caddy keeps upstream connections 2 minutes: set it.
    const setting = /^\s*keepalive\s+(\d+)s\s*$/m.exec(caddyfile);
    expect(setting, "deploy/Caddyfile sets the upstream keepalive").not.toBeNull();
    const caddyMs = Number(setting![1]) * 1000;
    expect(KEEP_ALIVE_TIMEOUT_MS).toBeGreaterThan(caddyMs);
  });

  it("the instances' keep-alive is longer than the 60 s idle timeout common to cloud load balancers", () => {
    expect(KEEP_ALIVE_TIMEOUT_MS).toBeGreaterThan(60_000);
  });

  it("starts the instances after their dependencies are healthy and the bucket exists", () => {
    for (const app of apps) {
      expect(services[app]!.depends_on).toMatchObject({
        postgres: { condition: "service_healthy" },
        redis: { condition: "service_healthy" },
        "minio-setup": { condition: "service_completed_successfully" },
      });
    }
    for (const name of ["postgres", "redis", "minio"]) expect(services[name]!.healthcheck?.test.length).toBeGreaterThan(0);
    const setup = fs.readFileSync(path.join(root, "deploy/minio-setup.sh"), "utf8");
    expect(setup).toMatch(/mc mb --ignore-existing "atelier\/\$S3_BUCKET"/);
  });

  it("gives the instances only variables lib/env-schema.ts knows", () => {
    const known = new Set(Object.keys(envSchema.shape));
    for (const app of apps) {
      const names = Object.keys(services[app]!.environment ?? {});
      expect(names.filter((name) => !known.has(name))).toEqual([]);
      expect(names).toEqual(
        expect.arrayContaining(["DATABASE_URL", "REDIS_URL", "S3_BUCKET", "S3_ENDPOINT", "S3_REGION", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "ARCHIVE_RUNS", "AUTH_SECRET", "NEXTAUTH_URL", "TRUSTED_PROXY_HOPS", "FLORA_API_KEY"]),
      );
    }
  });

  it("gives them an environment the dashboard accepts once deploy/.env is filled in", () => {
    const env = exampleEnv();
    for (const app of apps) {
      const given = Object.fromEntries(Object.entries(services[app]!.environment ?? {}).map(([name, value]) => [name, interpolate(String(value), env)]));
      const parsed = parseEnv(given);
      expect(parsed.DATABASE_URL).toMatch(/^postgres:\/\/atelier:[^@]+@postgres:5432\/atelier$/);
      expect(parsed.TRUSTED_PROXY_HOPS).toBe(1);
      expect(parsed.REDIS_URL).toBe("redis://redis:6379");
      expect(parsed.S3_ENDPOINT).toBe("http://minio:9000");
      expect(parsed.ATELIER_UPSTREAM).toBe("flora");
    }
  });

  it("refuses to start without the key and the secrets, and lists each one in the example file", () => {
    const required = [...composeText.matchAll(/\$\{([A-Z0-9_]+):\?/g)].map((match) => match[1]!);
    expect(new Set(required)).toEqual(new Set(["FLORA_API_KEY", "AUTH_SECRET", "POSTGRES_PASSWORD", "MINIO_ROOT_USER", "MINIO_ROOT_PASSWORD", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"]));
    const listed = Object.keys(exampleFile());
    const used = [...composeText.matchAll(/\$\{([A-Z0-9_]+)/g)].map((match) => match[1]!);
    expect(used.filter((name) => !listed.includes(name) && name !== "FLORA_BASE_URL" && name !== "LOG_LEVEL")).toEqual([]);
    const env = exampleEnv();
    delete env.FLORA_API_KEY;
    expect(() => interpolate(String(services["atelier-1"]!.environment!.FLORA_API_KEY), env)).toThrow(/FLORA_API_KEY/);
  });
});
