import fs from "node:fs";
import FLORA from "@flora-ai/flora";
import { expect, test } from "@playwright/test";
import { storageStateOf } from "./support/users";

test("the official SDK, pointed at the dashboard with a session cookie, lists and retrieves", async ({ baseURL }) => {
  const state = JSON.parse(fs.readFileSync(storageStateOf("viewer"), "utf8")) as { cookies: Array<{ name: string; value: string }> };
  const cookie = state.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  // The SDK insists on a key; the dashboard ignores it and goes by the session.
  const client = new FLORA({ baseURL: `${baseURL}/api/v1`, apiKey: "not-the-flora-key", defaultHeaders: { cookie }, maxRetries: 0 });

  const page = await client.generations.list({ limit: 5 });
  expect(page.generations).toHaveLength(5);
  expect(page.hasNextPage()).toBe(true);
  const next = await page.getNextPage();
  expect(next.generations[0]!.run_id).not.toBe(page.generations[0]!.run_id);

  const run = await client.generations.retrieve(page.generations[0]!.run_id);
  expect(run.run_id).toBe(page.generations[0]!.run_id);
  const { workspaces } = await client.workspaces.list();
  expect(workspaces.length).toBeGreaterThan(0);

  const signedOut = new FLORA({ baseURL: `${baseURL}/api/v1`, apiKey: "x", maxRetries: 0 });
  await expect(signedOut.generations.list()).rejects.toMatchObject({ status: 401 });
});
