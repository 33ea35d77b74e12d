import { describe, expect, it } from "vitest";
import type { Launch } from "@/lib/db/schema";
import { launchToHistoryRun } from "@/lib/search/launch-row";

const base: Launch = {
  id: "launch-1",
  run_id: "run_1",
  kind: "generation",
  user_id: "u1",
  user_email: "ana@x.example",
  type: "video",
  model: null,
  technique_id: null,
  prompt: "a fox",
  params_json: null,
  workspace_id: "ws_a",
  project_id: "prj_a",
  idempotency_key: "k",
  status: "confirmed",
  estimated_cost: null,
  response_json: JSON.stringify({ run_id: "run_1", model: { model_id: "veo-3" } }),
  error_code: null,
  created_at: 5000,
  completed_at: null,
  token_id: null,
  token_name: null,
  spend_month: null,
  reserved_usd: 0,
  charged_usd: 0.5,
  cost_final_at: null,
};

describe("launchToHistoryRun", () => {
  it("takes the prompt, launcher, place and the model FLORA chose from the record, state from the run", () => {
    const row = launchToHistoryRun(base, { run_id: "run_1", status: "failed", progress: 100, created_at: 1, error_code: "provider_error", charged_cost: 0 }, undefined);
    expect(row).toMatchObject({ runId: "run_1", modelId: "veo-3", title: "veo-3", outputType: "Video", status: "failed", errorCode: "provider_error", costUsd: 0, prompt: "a fox", launchedBy: "ana@x.example", workspaceId: "ws_a", createdAt: 5000 });
    expect(row.launchState).toBeUndefined();
    expect(row.viaToken).toBeUndefined();
  });

  it("names the access token a launch came through", () => {
    expect(launchToHistoryRun({ ...base, token_id: "t1", token_name: "ci-script" }, null, undefined)).toMatchObject({ viaToken: "ci-script", launchedBy: "ana@x.example" });
  });

  it("without a run read, shows pending and the record's charge; a launch without a run says which state it waits in", () => {
    expect(launchToHistoryRun(base, null, undefined)).toMatchObject({ status: "pending", costUsd: 0.5, outputs: [] });
    expect(launchToHistoryRun({ ...base, run_id: null, status: "pending" }, null, undefined)).toMatchObject({ runId: "launch-1", launchState: "pending" });
    expect(launchToHistoryRun({ ...base, run_id: null, status: "unconfirmed" }, null, undefined)).toMatchObject({ launchState: "unconfirmed" });
  });

  it("fills a technique launch's place and name from what the history lists showed", () => {
    const technique = { ...base, kind: "technique" as const, technique_id: "tech_x", workspace_id: null, project_id: null, type: null };
    const row = launchToHistoryRun(technique, null, { workspaceId: "ws_b", projectId: "prj_b", modelId: null, techniqueId: "tech_x", techniqueName: "Palette" });
    expect(row).toMatchObject({ kind: "technique", techniqueId: "tech_x", title: "Palette", workspaceId: "ws_b", projectId: "prj_b", modelId: null });
  });
});
