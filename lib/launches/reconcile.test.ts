import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import type { Generation } from "@/lib/flora/schemas";
import { confirmLaunch, launchesForRuns, recordIntent, settleLaunch, unconfirmedLaunches } from "@/lib/launches/launch-store";
import { settleFromHistory } from "@/lib/launches/reconcile";
import { memoryDatabase } from "@/lib/testing/memory-db";
import { addUser } from "@/lib/users/users";

const T0 = 1_790_000_000_000;
let db: Kysely<Database>;
let userId: string;

beforeEach(async () => {
  db = await memoryDatabase();
  userId = (await addUser(db, { email: "ana@example.com", role: "member" })).id;
});
afterEach(async () => {
  await db.destroy();
});

async function lostLaunch(prompt: string, at: number, model: string | null = "t2i-flux-2-pro") {
  const launch = await recordIntent(
    db,
    {
      kind: "generation",
      userId,
      userEmail: "ana@example.com",
      type: "image",
      model,
      techniqueId: null,
      prompt,
      params: {},
      workspaceId: "ws_a",
      projectId: "prj_a",
      idempotencyKey: `key-${prompt}`,
    },
    at,
  );
  await settleLaunch(db, launch.id, "unconfirmed", "upstream_timeout", at + 30_000);
  return launch;
}

function generation(runId: string, createdAt: number, overrides: Partial<Generation> = {}): Generation {
  return {
    run_id: runId,
    generation_id: runId.replace("run_", "gen_"),
    status: "completed",
    progress: 100,
    created_at: createdAt,
    workspace_id: "ws_a",
    project_id: "prj_a",
    model: { model_id: "t2i-flux-2-pro" },
    ...overrides,
  };
}

describe("settleFromHistory", () => {
  it("completes a lost launch with the run of its place and model created closest to it", async () => {
    const launch = await lostLaunch("teapot", T0);
    const settled = await settleFromHistory(
      db,
      {
        kind: "generation",
        runs: [
          generation("run_far", T0 + 120_000),
          generation("run_other_project", T0 + 1_000, { project_id: "prj_b" }),
          generation("run_other_model", T0 + 500, { model: { model_id: "t2v-veo-3" } }),
          generation("run_near", T0 + 2_000),
          generation("run_nearish", T0 - 9_000),
        ],
      },
      T0 + 60_000,
    );
    expect(settled).toBe(1);
    const record = (await launchesForRuns(db, ["run_near"])).get("run_near");
    expect(record).toMatchObject({ id: launch.id, status: "confirmed", prompt: "teapot" });
    expect(await unconfirmedLaunches(db, "generation", T0 + 60_000)).toEqual([]);
  });

  it("never gives one run to two launches, and leaves a launch with no fitting run unconfirmed", async () => {
    await lostLaunch("first", T0);
    await lostLaunch("second", T0 + 1_000);
    await lostLaunch("third", T0 + 2_000);
    const settled = await settleFromHistory(db, { kind: "generation", runs: [generation("run_1", T0 + 100), generation("run_2", T0 + 1_100)] }, T0 + 60_000);
    expect(settled).toBe(2);
    const records = await launchesForRuns(db, ["run_1", "run_2"]);
    expect(records.get("run_1")?.prompt).toBe("first");
    expect(records.get("run_2")?.prompt).toBe("second");
    expect((await unconfirmedLaunches(db, "generation", T0 + 60_000)).map((launch) => launch.prompt)).toEqual(["third"]);
  });

  it("does not touch a run already linked to a confirmed launch", async () => {
    const confirmed = await recordIntent(db, {
      kind: "generation", userId, userEmail: "ana@example.com", type: "image", model: null, techniqueId: null,
      prompt: "mine", params: {}, workspaceId: "ws_a", projectId: "prj_a", idempotencyKey: "key-mine",
    }, T0);
    await confirmLaunch(db, confirmed.id, { runId: "run_taken", response: { run_id: "run_taken" }, estimatedCost: 0.08 });
    await lostLaunch("lost", T0 + 500);
    expect(await settleFromHistory(db, { kind: "generation", runs: [generation("run_taken", T0 + 600)] }, T0 + 60_000)).toBe(0);
  });

  it("looks back two hours at most, as long as FLORA remembers a key", async () => {
    await lostLaunch("old", T0);
    expect(await unconfirmedLaunches(db, "generation", T0 + 2 * 60 * 60_000 + 1)).toEqual([]);
  });
});

describe("confirmLaunch", () => {
  it("keeps the model FLORA chose when the launch named none", async () => {
    const launch = await lostLaunch("no model", T0, null);
    await confirmLaunch(db, launch.id, { runId: "run_x", response: { run_id: "run_x", model: { model_id: "llm-gpt-5-mini" } }, estimatedCost: 0.01 });
    expect((await launchesForRuns(db, ["run_x"])).get("run_x")?.model).toBe("llm-gpt-5-mini");
  });

  it("never replaces a model the launch named", async () => {
    const launch = await lostLaunch("named", T0);
    await confirmLaunch(db, launch.id, { runId: "run_y", response: { run_id: "run_y", model: { model_id: "other" } }, estimatedCost: 0.08 });
    expect((await launchesForRuns(db, ["run_y"])).get("run_y")?.model).toBe("t2i-flux-2-pro");
  });
});
