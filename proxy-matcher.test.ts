import { tryToParsePath } from "next/dist/lib/try-to-parse-path";
import { describe, expect, it } from "vitest";
import { config } from "@/proxy";

// The matcher compiled by the path-to-regexp Next compiles it with, so the test reads it as the server does.
const matchers = config.matcher.map((source) => new RegExp(tryToParsePath(source).regexStr!));
const runsProxy = (path: string) => matchers.some((matcher) => matcher.test(path));

describe("proxy matcher", () => {
  it("lets public/ through untouched, so a signed-out browser gets the icons and the manifest", () => {
    for (const path of ["/favicon.ico", "/robots.txt", "/manifest.webmanifest", "/icon-192.png", "/icon-512.png", "/apple-touch-icon.png"]) {
      expect(runsProxy(path), path).toBe(false);
    }
  });

  it("still runs for every page, /sign-in included, and not for the API", () => {
    for (const path of ["/", "/generations", "/runs/run_1", "/sign-in", "/manifest"]) expect(runsProxy(path), path).toBe(true);
    expect(runsProxy("/api/v1/runs/run_1")).toBe(false);
    // FLORA's webhook has no session: a redirect to /sign-in would lose every delivery.
    expect(runsProxy("/api/webhooks/flora")).toBe(false);
  });

  it("lets public links through with no sign-in redirect, and only them", () => {
    // An outsider has no session: a redirect to /sign-in would make every public link useless.
    for (const path of ["/s/AbCdEfGh0123456789abcdefghijklmnopqrstuvw_-", "/s/tok/media/out_1", "/s/tok/media/out_1.png"]) {
      expect(runsProxy(path), path).toBe(false);
    }
    for (const path of ["/s", "/sign-in", "/settings", "/sx/tok", "/runs/s/x"]) expect(runsProxy(path), path).toBe(true);
  });
});
