import { describe, expect, it } from "vitest";
import { rememberRuns, seenRun, type SeenRun } from "@/lib/runs/seen-runs";

const where = (projectId: string): SeenRun => ({ workspaceId: "ws_1", projectId, modelId: null, techniqueId: null, techniqueName: null });

describe("seen runs", () => {
  it("names a run the lists showed, the latest listing winning", () => {
    rememberRuns([["run_seen", where("p_1")]]);
    rememberRuns([["run_seen", where("p_2")]]);
    expect(seenRun("run_seen")?.projectId).toBe("p_2");
    expect(seenRun("run_unseen")).toBeUndefined();
  });

  it("keeps at most 20,000 runs, forgetting the least recently used", () => {
    rememberRuns([["run_kept", where("p")], ["run_dropped", where("p")]]);
    seenRun("run_kept");
    rememberRuns(Array.from({ length: 19_999 }, (_, i): [string, SeenRun] => [`run_${i}`, where("p")]));
    expect(seenRun("run_kept")).toBeDefined();
    expect(seenRun("run_dropped")).toBeUndefined();
  });
});
