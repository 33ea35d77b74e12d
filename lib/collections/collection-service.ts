import type { Kysely } from "kysely";
import { hasRole } from "@/lib/auth/roles";
import {
  COLLECTION_RUNS_MAX,
  type CollectionDetail,
  type CollectionSummary,
} from "@/lib/collections/collection-rules";
import * as store from "@/lib/collections/collection-store";
import type { Database, User } from "@/lib/db/schema";
import { ApiError } from "@/lib/errors/api-error";
import type { RunRef } from "@/lib/runs/run-ref";

/**
 * What teammates may do with collections: everyone signed in sees them; members and admins
 * make, rename, fill and arrange them; a collection is deleted by its creator or an admin.
 * A run is checked upstream once, before it is stored, so a collection never holds an id
 * FLORA never issued. The check is a parameter: routes pass the real read (upstream-check.ts),
 * tests a stand-in.
 */
type Db = Kysely<Database>;
type Actor = Pick<User, "id" | "email" | "role">;
/** Resolves when FLORA knows the run; throws (an ApiError "not_found", or FLORA's failure) when not. */
export type RunCheck = (ref: RunRef) => Promise<void>;

function mustChange(user: Actor) {
  if (!hasRole(user.role, "member")) {
    throw new ApiError("forbidden", `Changing collections needs the member role; you are a ${user.role}.`);
  }
}

async function existing(db: Db, id: string) {
  const row = await store.findCollection(db, id);
  if (!row) throw new ApiError("not_found", "There is no such collection (it may have been deleted).");
  return row;
}

const canDelete = (user: Actor, row: { created_by: string | null }) => hasRole(user.role, "admin") || (hasRole(user.role, "member") && row.created_by === user.id);

function summary(user: Actor, row: Awaited<ReturnType<typeof store.listCollectionRows>>[number]): CollectionSummary {
  return {
    id: row.id,
    name: row.name,
    created_by_email: row.created_by_email,
    created_at: Number(row.created_at),
    updated_at: Number(row.updated_at),
    run_count: row.run_count,
    can_delete: canDelete(user, row),
  };
}

export async function listCollections(db: Db, user: Actor): Promise<CollectionSummary[]> {
  return (await store.listCollectionRows(db)).map((row) => summary(user, row));
}

export async function getCollection(db: Db, user: Actor, id: string): Promise<CollectionDetail> {
  const row = await existing(db, id);
  const runs = await store.runsOf(db, id);
  return { ...summary(user, { ...row, run_count: runs.length }), runs };
}

export async function createCollection(db: Db, user: Actor, name: string): Promise<CollectionDetail> {
  mustChange(user);
  const row = await store.insertCollection(db, { name, userId: user.id, email: user.email });
  return { ...summary(user, { ...row, run_count: 0 }), runs: [] };
}

export async function renameCollectionAs(db: Db, user: Actor, id: string, name: string): Promise<CollectionDetail> {
  mustChange(user);
  await existing(db, id);
  await store.renameCollection(db, id, name);
  return getCollection(db, user, id);
}

export async function deleteCollectionAs(db: Db, user: Actor, id: string): Promise<void> {
  mustChange(user);
  const row = await existing(db, id);
  if (!canDelete(user, row)) {
    throw new ApiError("forbidden", `Only ${row.created_by_email}, who made it, or an admin can delete this collection.`);
  }
  await store.deleteCollection(db, id);
}

export interface RunToAdd {
  run_id: string;
  technique_id?: string | null;
}

/**
 * Adds runs at the end, skipping those already there (adding twice is a no-op). Each new
 * run is read upstream once first; one unknown run refuses the whole request, nothing stored.
 */
export async function addRunsAs(db: Db, user: Actor, id: string, runs: RunToAdd[], checkRun: RunCheck) {
  mustChange(user);
  await existing(db, id);
  const present = new Set((await store.runsOf(db, id)).map((run) => run.run_id));
  const wanted = dedupe(runs).map((run): store.NewRun => ({ run_id: run.run_id, technique_id: run.technique_id ?? null, kind: run.technique_id ? "technique" : "generation" }));
  const fresh = wanted.filter((run) => !present.has(run.run_id));
  if (present.size + fresh.length > COLLECTION_RUNS_MAX) throw overLimit(present.size + fresh.length - COLLECTION_RUNS_MAX);
  for (const run of fresh) await checkRun({ kind: run.kind, runId: run.run_id, techniqueId: run.technique_id });
  const result = await store.appendRuns(db, id, fresh, user.email, COLLECTION_RUNS_MAX);
  // Someone else filled it while the runs were being checked.
  if (result.overLimitBy > 0) throw overLimit(result.overLimitBy);
  return { added: result.added, collection: await getCollection(db, user, id) };
}

function dedupe(runs: RunToAdd[]): RunToAdd[] {
  const seen = new Set<string>();
  return runs.filter((run) => !seen.has(run.run_id) && seen.add(run.run_id));
}

const overLimit = (by: number) =>
  new ApiError("conflict", `A collection holds at most ${COLLECTION_RUNS_MAX} runs; this would be ${by} too many.`, [{ field: "runs", message: `at most ${COLLECTION_RUNS_MAX} runs per collection` }]);

export async function removeRunAs(db: Db, user: Actor, id: string, runId: string): Promise<CollectionDetail> {
  mustChange(user);
  await existing(db, id);
  if (!(await store.removeRun(db, id, runId))) throw new ApiError("not_found", "That run is not in this collection.");
  return getCollection(db, user, id);
}

export async function moveRunAs(db: Db, user: Actor, id: string, runId: string, to: number): Promise<{ position: number; collection: CollectionDetail }> {
  mustChange(user);
  await existing(db, id);
  const position = await store.moveRun(db, id, runId, to);
  if (position === null) throw new ApiError("not_found", "That run is not in this collection.");
  return { position, collection: await getCollection(db, user, id) };
}
