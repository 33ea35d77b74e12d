import { expect, test } from "@playwright/test";
import { clearFaults, clearSimulatorRequests, injectFault, simulatorGet, simulatorRequests } from "./support/simulator";

// Runs as the admin; every list read goes through /api/v1 and is compared with FLORA's own.

type Run = { run_id: string; poll_url?: string; [key: string]: unknown };
type Page<K extends string> = { [key in K]: Run[] } & { meta: { next_cursor?: string | null; total_estimate?: number } };

const withoutPollUrl = ({ poll_url: _pollUrl, ...rest }: Run) => rest;

/**
 * What must be equal between two reads a few milliseconds apart: everything for a finished
 * run; for one still in progress, what cannot move on in the meantime (its status, progress
 * and times are read off the clock).
 */
function stable(run: Run): Record<string, unknown> {
  const { status, progress: _p, started_at: _s, completed_at: _c, outputs: _o, charged_cost: _cost, ...fixed } = withoutPollUrl(run);
  return status === "completed" || status === "failed" ? withoutPollUrl(run) : fixed;
}

test("each list matches the upstream's answer for the same filters, with our own poll URLs", async ({ request }) => {
  const { workspaces } = await simulatorGet<{ workspaces: Array<{ workspace_id: string }> }>("/workspaces");
  const workspace = workspaces[0]!.workspace_id;
  const cases: Array<[string, "generations" | "technique_runs"]> = [
    ["/generations?limit=30", "generations"],
    [`/generations?limit=25&status=completed&workspace_id=${workspace}`, "generations"],
    ["/generations?status=failed", "generations"],
    ["/technique-runs?limit=40", "technique_runs"],
    ["/technique-runs?limit=10&status=running", "technique_runs"],
  ];
  for (const [query, key] of cases) {
    // Runs of earlier tests may end between the two reads, and the gateway shares a list page
    // for a second (LIST_FRESH_MS): the two must agree once neither is moving, within seconds.
    await expect(async () => {
      const ours = (await (await request.get(`/api/v1${query}`)).json()) as Page<typeof key>;
      const theirs = await simulatorGet<Page<typeof key>>(query);
      expect(ours[key].map(stable), query).toEqual(theirs[key].map(stable));
      expect(ours.meta).toEqual(theirs.meta);
      for (const run of ours[key]) {
        expect(run.poll_url).toMatch(new RegExp(`^/api/v1/(runs|techniques/tech_[A-Za-z0-9_-]+/runs)/${run.run_id}$`));
      }
    }).toPass({ intervals: [1_100, 1_100, 2_000], timeout: 8_000 });
  }
});

test("paging technique runs to the end returns every run exactly once", async ({ request }) => {
  const seen: string[] = [];
  let cursor: string | null | undefined;
  do {
    const response = await request.get(`/api/v1/technique-runs?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    expect(response.status()).toBe(200);
    const page = (await response.json()) as Page<"technique_runs">;
    seen.push(...page.technique_runs.map((run) => run.run_id));
    cursor = page.meta.next_cursor;
  } while (cursor);
  const total = (await simulatorGet<Page<"technique_runs">>("/technique-runs?limit=1")).meta.total_estimate;
  expect(seen.length).toBe(total);
  expect(new Set(seen).size).toBe(seen.length);
});

test("paging filtered generations to the end returns every match exactly once", async ({ request }) => {
  const seen: string[] = [];
  let cursor: string | null | undefined;
  do {
    const page = (await (
      await request.get(`/api/v1/generations?status=failed&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`)
    ).json()) as Page<"generations">;
    expect(page.generations.every((run) => run.status === "failed")).toBe(true);
    seen.push(...page.generations.map((run) => run.run_id));
    cursor = page.meta.next_cursor;
  } while (cursor);
  expect(seen.length).toBe((await simulatorGet<Page<"generations">>("/generations?status=failed&limit=1")).meta.total_estimate);
  expect(new Set(seen).size).toBe(seen.length);
});

test("the catalogue endpoints pass FLORA's answers through", async ({ request }) => {
  for (const path of ["/workspaces", "/models", "/models?type=video", "/techniques"]) {
    const ours = await (await request.get(`/api/v1${path}`)).json();
    expect(ours, path).toEqual(await simulatorGet(path));
  }
  const { techniques } = await simulatorGet<{ techniques: Array<{ technique_id: string }> }>("/techniques");
  const id = techniques[0]!.technique_id;
  expect(await (await request.get(`/api/v1/techniques/${id}`)).json()).toEqual(await simulatorGet(`/techniques/${id}`));
  const { workspaces } = await simulatorGet<{ workspaces: Array<{ workspace_id: string }> }>("/workspaces");
  const projects = `/projects?workspace_id=${workspaces[0]!.workspace_id}`;
  expect(await (await request.get(`/api/v1${projects}`)).json()).toEqual(await simulatorGet(projects));
});

/** A run the upstream reports as still running, for as many polls as `times`. */
async function armRunningRun(runId: string, times: number) {
  await injectFault({
    method: "GET",
    path: `/runs/${runId}`,
    times,
    fault: {
      kind: "status",
      status: 200,
      headers: { "content-type": "application/json" },
      body: { run_id: runId, status: "running", progress: 40, created_at: Date.now() - 5_000, started_at: Date.now() - 4_000 },
    },
  });
}

test.afterEach(async () => {
  await clearFaults();
});

test("fifty concurrent polls of one run cost the upstream one request", async ({ request }) => {
  const runId = `run_coalesce${Date.now()}`;
  await armRunningRun(runId, 100);
  await clearSimulatorRequests();
  const answers = await Promise.all(Array.from({ length: 50 }, () => request.get(`/api/v1/runs/${runId}`)));
  expect(answers.map((answer) => answer.status())).toEqual(Array(50).fill(200));
  const bodies = await Promise.all(answers.map((answer) => answer.json()));
  expect(new Set(bodies.map((body) => `${body.run_id} ${body.status}`))).toEqual(new Set([`${runId} running`]));
  expect(bodies[0].poll_url).toBe(`/api/v1/runs/${runId}`);
  const polls = (await simulatorRequests()).filter((entry) => entry.path === `/api/v1/runs/${runId}`);
  expect(polls).toHaveLength(1);
});

test("an unfinished run is re-read after about a second, a finished one is kept", async ({ request }) => {
  const running = `run_stillgoing${Date.now()}`;
  await armRunningRun(running, 100);
  const completed = (await simulatorGet<Page<"generations">>("/generations?status=completed&limit=1&cursor=" + encodeURIComponent((await simulatorGet<Page<"generations">>("/generations?status=completed&limit=37")).meta.next_cursor!))).generations[0]!.run_id;
  await clearSimulatorRequests();
  for (let round = 0; round < 3; round += 1) {
    expect((await request.get(`/api/v1/runs/${completed}`)).status()).toBe(200);
    expect((await request.get(`/api/v1/runs/${running}`)).status()).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
  }
  const log = await simulatorRequests();
  expect(log.filter((entry) => entry.path === `/api/v1/runs/${completed}`)).toHaveLength(1);
  expect(log.filter((entry) => entry.path === `/api/v1/runs/${running}`)).toHaveLength(3);
});
