import { describe, expect, it } from "vitest";
import { eventsQuerySchema, MAX_WATCHED_PER_STREAM, parseWatchPath } from "@/lib/live/watch-target";

describe("parseWatchPath", () => {
  it("names a generation or a technique run by its dashboard poll path", () => {
    expect(parseWatchPath("/api/v1/runs/run_a1")).toEqual({ kind: "generation", runId: "run_a1", techniqueId: null });
    expect(parseWatchPath("/api/v1/techniques/tech_b/runs/run_c")).toEqual({ kind: "technique", runId: "run_c", techniqueId: "tech_b" });
  });

  it.each([
    "https://upstream.example/api/v1/runs/run_a",
    "/api/v1/runs/run_",
    "/api/v1/runs/gen_a",
    "/api/v1/runs/run_a/../../admin",
    "/api/v1/runs/run_%2e%2e",
    "/api/v1/runs/run_a?x=1",
    "/api/v1/techniques/run_a/runs/run_b",
    "/api/v1/techniques/tech_a/runs/tech_b",
    "/api/account/tokens",
    "",
  ])("refuses %j", (path) => {
    expect(parseWatchPath(path)).toBeNull();
  });
});

describe("eventsQuerySchema", () => {
  it("takes distinct poll paths, comma-separated, and an event id to resume after", () => {
    expect(eventsQuerySchema.parse({ watch: "/api/v1/runs/run_a,/api/v1/runs/run_a,/api/v1/runs/run_b", after: "k3x-42" })).toEqual({
      watch: ["/api/v1/runs/run_a", "/api/v1/runs/run_b"],
      after: "k3x-42",
    });
  });

  it("refuses nothing to watch, a bad path, too many runs, a made-up event id and unknown fields", () => {
    expect(eventsQuerySchema.safeParse({ watch: "" }).success).toBe(false);
    expect(eventsQuerySchema.safeParse({ watch: "/api/v1/runs/run_a,/etc/passwd" }).success).toBe(false);
    const tooMany = Array.from({ length: MAX_WATCHED_PER_STREAM + 1 }, (_, index) => `/api/v1/runs/run_${index}`).join(",");
    expect(eventsQuerySchema.safeParse({ watch: tooMany }).success).toBe(false);
    expect(eventsQuerySchema.safeParse({ watch: "/api/v1/runs/run_a", after: "<script>" }).success).toBe(false);
    expect(eventsQuerySchema.safeParse({ watch: "/api/v1/runs/run_a", extra: "1" }).success).toBe(false);
  });
});
