import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { clearFaults, injectFault, simulatorOrigin } from "./support/simulator";
import { zipEntryNames } from "./support/zip";

/**
 * A bad or compromised FLORA answer must not turn the download route into a proxy into
 * the dashboard's network. The simulator plays that answer: a status fault on one made-up
 * run id returns a completed run whose output URLs point inside (the dashboard itself on
 * loopback, cloud metadata, a v4-mapped loopback), beside one real media file on the
 * simulator's own origin, which is FLORA's origin here and so may be fetched.
 */

const GENERIC = { error: { code: "upstream_error", message: "This output could not be downloaded." } };

test.afterEach(clearFaults);

test("output URLs that point inside the network are refused with one generic error; FLORA's own origin still serves", async ({ request, baseURL }, testInfo) => {
  const appPort = new URL(baseURL!).port;
  const runId = `run_ssrfprobe${Date.now()}`;
  const inside = [
    `http://127.0.0.1:${appPort}/api/health`,
    `http://localhost:${appPort}/api/health`,
    `http://[::ffff:127.0.0.1]:${appPort}/api/health`,
    `http://2130706433:${appPort}/api/health`,
    "http://169.254.169.254/latest/meta-data/",
    "http://10.0.0.1/",
  ];
  const outputs = [
    { output_id: "out_1", type: "imageUrl", url: `${simulatorOrigin}/media/poster.png` },
    ...inside.map((url, index) => ({ output_id: `out_${index + 2}`, type: "imageUrl", url })),
  ];
  const now = Date.now();
  await injectFault({
    method: "GET",
    path: `/runs/${runId}`,
    times: 50,
    fault: { kind: "status", status: 200, body: { run_id: runId, status: "completed", progress: 100, created_at: now - 5_000, completed_at: now, outputs } },
  });

  const allowed = await request.get(`/api/run-outputs?run_id=${runId}&output_id=out_1`);
  expect(allowed.status(), await allowed.text()).toBe(200);
  expect(allowed.headers()["content-type"]).toBe("image/png");
  expect(allowed.headers()["content-disposition"]).toContain(`filename="${runId}-1-image.png"`);

  for (const [index, url] of inside.entries()) {
    const refused = await request.get(`/api/run-outputs?run_id=${runId}&output_id=out_${index + 2}`);
    expect({ url, status: refused.status(), body: await refused.json() }).toEqual({ url, status: 502, body: GENERIC });
  }

  const zip = await request.get(`/api/run-outputs?run_id=${runId}`);
  expect(zip.status()).toBe(200);
  const file = testInfo.outputPath("outputs.zip");
  fs.writeFileSync(file, await zip.body());
  expect(await zipEntryNames(file)).toEqual([`${runId}-1-image.png`, ...inside.map((_, index) => `${runId}-${index + 2}-image.unavailable.txt`)]);
  expect((await zip.body()).toString("latin1")).not.toContain('"status":"ok"');
});
