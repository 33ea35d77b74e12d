import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { KEEP_ALIVE_TIMEOUT_MS } from "./keep-alive";

const caddyfile = readFileSync(path.join(__dirname, "..", "..", "deploy", "Caddyfile"), "utf8");

describe("keep-alive between the proxy and the server", () => {
  it("the server keeps an idle connection longer than the compose file's Caddy reuses one", () => {
    // Without its own `keepalive`, Caddy keeps upstream connections 2 minutes: set it.
    const setting = /^\s*keepalive\s+(\d+)s\s*$/m.exec(caddyfile);
    expect(setting, "deploy/Caddyfile sets the upstream keepalive").not.toBeNull();
    const caddyMs = Number(setting![1]) * 1000;
    expect(KEEP_ALIVE_TIMEOUT_MS).toBeGreaterThan(caddyMs);
  });

  it("is longer than the 60 s idle timeout common to cloud load balancers", () => {
    expect(KEEP_ALIVE_TIMEOUT_MS).toBeGreaterThan(60_000);
  });
});
