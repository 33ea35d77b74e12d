import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database, Launch, LaunchStatus } from "@/lib/db/schema";
import { answerFacts } from "@/lib/launches/launch-record";
import type { TokenRef } from "@/lib/auth/actor";

/**
 * The record of launches: an intent is written before the upstream call and completed
 * after it, so a launch whose answer was lost is still on record as "unconfirmed".
 */
type Db = Kysely<Database>;

export interface LaunchIntent {
  kind: Launch["kind"];
  userId: string;
  userEmail: string;
  type: string | null;
  model: string | null;
  techniqueId: string | null;
  prompt: string | null;
  params: unknown;
  workspaceId: string | null;
  projectId: string | null;
  idempotencyKey: string;
  /** The personal access token the launch came through; absent for a form launch. */
  token?: TokenRef | null;
}

/** The intent as a row, holding nothing yet (lib/budgets/reserve.ts writes it with its reservation). */
export function intentRow(intent: LaunchIntent, now = Date.now()): Launch {
  return {
    id: randomUUID(),
    run_id: null,
    kind: intent.kind,
    user_id: intent.userId,
    user_email: intent.userEmail,
    type: intent.type,
    model: intent.model,
    technique_id: intent.techniqueId,
    prompt: intent.prompt,
    params_json: intent.params === undefined ? null : JSON.stringify(intent.params),
    workspace_id: intent.workspaceId,
    project_id: intent.projectId,
    idempotency_key: intent.idempotencyKey,
    status: "pending",
    estimated_cost: null,
    response_json: null,
    error_code: null,
    created_at: now,
    completed_at: null,
    token_id: intent.token?.id ?? null,
    token_name: intent.token?.name ?? null,
    spend_month: null,
    reserved_usd: 0,
    charged_usd: null,
    cost_final_at: null,
  };
}

/** Records an intent without a reservation (launches from before budgets, tests). */
export async function recordIntent(db: Db, intent: LaunchIntent, now = Date.now()): Promise<Launch> {
  const launch = intentRow(intent, now);
  await db.insertInto("launches").values(launch).execute();
  return launch;
}

export function findLaunchByKey(db: Db, idempotencyKey: string): Promise<Launch | undefined> {
  return db.selectFrom("launches").selectAll().where("idempotency_key", "=", idempotencyKey).executeTakeFirst();
}

export async function confirmLaunch(
  db: Db,
  id: string,
  confirmation: { runId: string; response: unknown; estimatedCost: number | null },
  now = Date.now(),
): Promise<void> {
  // The answer names the model FLORA chose when the launch named none: keep it on record.
  const answered = answerFacts(confirmation.response).modelId;
  // The first settlement: FLORA's charged_cost replaces the estimate the launch held.
  const charge = confirmation.estimatedCost;
  const settled = typeof charge === "number" && Number.isFinite(charge) && charge >= 0 ? { reserved_usd: charge, charged_usd: charge } : {};
  await db
    .updateTable("launches")
    .set((eb) => ({
      ...settled,
      status: "confirmed",
      run_id: confirmation.runId,
      response_json: JSON.stringify(confirmation.response),
      estimated_cost: confirmation.estimatedCost,
      error_code: null,
      completed_at: now,
      model: answered ? eb.fn.coalesce("model", eb.val(answered)) : eb.ref("model"),
    }))
    .where("id", "=", id)
    .execute();
}

export async function settleLaunch(
  db: Db,
  id: string,
  status: Extract<LaunchStatus, "unconfirmed" | "rejected" | "pending">,
  errorCode: string | null,
  now = Date.now(),
): Promise<void> {
  await db
    .updateTable("launches")
    // A definite refusal started no run: it holds nothing against the caps. A lost answer
    // (unconfirmed) keeps its reservation until reconciled; a retry (pending) keeps it too.
    .set({ status, error_code: errorCode, completed_at: status === "pending" ? null : now, ...(status === "rejected" && { reserved_usd: 0 }) })
    .where("id", "=", id)
    .execute();
}

/** The launch went out without the place it recorded (FLORA refused it), so it is not filed there. */
export async function forgetPlace(db: Db, id: string): Promise<void> {
  await db.updateTable("launches").set({ workspace_id: null, project_id: null }).where("id", "=", id).execute();
}

/** Run ids already linked to a launch, so reconciliation never claims one twice. */
export async function linkedRunIds(db: Db, runIds: string[]): Promise<Set<string>> {
  if (runIds.length === 0) return new Set();
  const rows = await db.selectFrom("launches").select("run_id").where("run_id", "in", runIds).execute();
  return new Set(rows.map((row) => row.run_id).filter((id): id is string => id !== null));
}

/** The launches the store knows for these runs: who launched them and with what. */
export async function launchesForRuns(db: Db, runIds: string[]): Promise<Map<string, Launch>> {
  if (runIds.length === 0) return new Map();
  const rows = await db.selectFrom("launches").selectAll().where("run_id", "in", runIds).execute();
  return new Map(rows.map((row) => [row.run_id!, row]));
}

/** How long FLORA remembers an idempotency key; older lost launches are not looked for. */
const RECONCILE_WINDOW_MS = 2 * 60 * 60_000;

/** Launches whose answer was lost and whose run is not yet known, oldest first. */
export function unconfirmedLaunches(db: Db, kind: Launch["kind"], now = Date.now()): Promise<Launch[]> {
  return db
    .selectFrom("launches")
    .selectAll()
    .where("kind", "=", kind)
    .where("status", "=", "unconfirmed")
    .where("run_id", "is", null)
    .where("created_at", ">=", now - RECONCILE_WINDOW_MS)
    .orderBy("created_at", "asc")
    .execute();
}
