import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database, NewLaunch } from "@/lib/db/schema";

/** Writes a launch row as the launch and budget code leave it, for the usage tests. */
export async function insertLaunch(db: Kysely<Database>, launch: Partial<NewLaunch> & Pick<NewLaunch, "created_at">): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto("launches")
    .values({
      id,
      run_id: `run_${id.slice(0, 8)}`,
      kind: "generation",
      user_id: null,
      user_email: "nobody@example.com",
      type: "image",
      model: "t2i-flux-2-pro",
      technique_id: null,
      prompt: "a teapot",
      params_json: "{}",
      workspace_id: "ws_a",
      project_id: "prj_a",
      idempotency_key: `key-${id}`,
      status: "confirmed",
      estimated_cost: null,
      response_json: null,
      error_code: null,
      completed_at: null,
      ...launch,
    })
    .execute();
  return id;
}
