import { randomBytes } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import { isPostgres } from "@/lib/db/dialect";
import type { Database } from "@/lib/db/schema";
import type { CollectionRunRef } from "@/lib/collections/collection-rules";

/**
 * The collections' rows, without any rule about who may do what (collection-service.ts
 * holds those). Every change that touches several rows runs in one transaction, so a
 * collection is never seen half-deleted or half-reordered.
 */
type Db = Kysely<Database> | Transaction<Database>;

export interface NewRun {
  run_id: string;
  kind: "generation" | "technique";
  technique_id: string | null;
}

/** "col_" and 96 random bits: unguessable enough for an address only teammates can open. */
export const newCollectionId = () => `col_${randomBytes(12).toString("base64url")}`;

export async function insertCollection(db: Db, input: { name: string; userId: string; email: string }, now = Date.now()) {
  const row = { id: newCollectionId(), name: input.name, created_by: input.userId, created_by_email: input.email, created_at: now, updated_at: now };
  await db.insertInto("collections").values(row).execute();
  return row;
}

export function findCollection(db: Db, id: string) {
  return db.selectFrom("collections").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Every collection with its run count, most recently changed first. */
export async function listCollectionRows(db: Db) {
  const rows = await db
    .selectFrom("collections")
    .leftJoin("collection_runs", "collection_runs.collection_id", "collections.id")
    .select(["collections.id", "collections.name", "collections.created_by", "collections.created_by_email", "collections.created_at", "collections.updated_at"])
    .select((eb) => eb.fn.count<number | string>("collection_runs.run_id").as("run_count"))
    .groupBy(["collections.id", "collections.name", "collections.created_by", "collections.created_by_email", "collections.created_at", "collections.updated_at"])
    .orderBy("collections.updated_at", "desc")
    .orderBy("collections.id")
    .execute();
  // Postgres counts as bigint (a string through pg); SQLite as a number.
  return rows.map((row) => ({ ...row, run_count: Number(row.run_count) }));
}

export async function runsOf(db: Db, collectionId: string): Promise<CollectionRunRef[]> {
  const rows = await db
    .selectFrom("collection_runs")
    .select(["run_id", "kind", "technique_id", "position", "added_by_email", "added_at"])
    .where("collection_id", "=", collectionId)
    .orderBy("position")
    .execute();
  return rows.map((row) => ({ ...row, position: Number(row.position), added_at: Number(row.added_at) }));
}

export async function renameCollection(db: Db, id: string, name: string, now = Date.now()) {
  await db.updateTable("collections").set({ name, updated_at: now }).where("id", "=", id).execute();
}

/** The collection and its runs, together. */
export function deleteCollection(db: Kysely<Database>, id: string) {
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom("collection_runs").where("collection_id", "=", id).execute();
    await trx.deleteFrom("collections").where("id", "=", id).execute();
  });
}

const touch = (db: Db, id: string, now: number) => db.updateTable("collections").set({ updated_at: now }).where("id", "=", id).execute();

/**
 * Appends runs not already there, in the order given, within the limit; the count check and
 * the inserts share a transaction, so two teammates adding at once cannot pass it together
 * (SQLite has one writer; on Postgres the collection's row is locked first).
 */
export function appendRuns(db: Kysely<Database>, collectionId: string, runs: NewRun[], by: string, limit: number, now = Date.now()) {
  return db.transaction().execute(async (trx) => {
    await lockCollection(trx, collectionId);
    const present = await runsOf(trx, collectionId);
    const have = new Set(present.map((run) => run.run_id));
    const fresh = runs.filter((run, index) => !have.has(run.run_id) && runs.findIndex((other) => other.run_id === run.run_id) === index);
    if (present.length + fresh.length > limit) return { added: [] as string[], overLimitBy: present.length + fresh.length - limit };
    let position = present.length === 0 ? 0 : Math.max(...present.map((run) => run.position)) + 1;
    for (const run of fresh) {
      await trx
        .insertInto("collection_runs")
        .values({ collection_id: collectionId, ...run, position: position++, added_by_email: by, added_at: now })
        .execute();
    }
    if (fresh.length > 0) await touch(trx, collectionId, now);
    return { added: fresh.map((run) => run.run_id), overLimitBy: 0 };
  });
}

export function removeRun(db: Kysely<Database>, collectionId: string, runId: string, now = Date.now()) {
  return db.transaction().execute(async (trx) => {
    await lockCollection(trx, collectionId);
    const removed = await trx.deleteFrom("collection_runs").where("collection_id", "=", collectionId).where("run_id", "=", runId).executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) return false;
    await renumber(trx, collectionId, (await runsOf(trx, collectionId)).map((run) => run.run_id));
    await touch(trx, collectionId, now);
    return true;
  });
}

/** Moves a run to index `to` (clamped to the ends); the others keep their order. */
export function moveRun(db: Kysely<Database>, collectionId: string, runId: string, to: number, now = Date.now()) {
  return db.transaction().execute(async (trx) => {
    await lockCollection(trx, collectionId);
    const order = (await runsOf(trx, collectionId)).map((run) => run.run_id);
    const from = order.indexOf(runId);
    if (from === -1) return null;
    order.splice(from, 1);
    const index = Math.min(Math.max(0, to), order.length);
    order.splice(index, 0, runId);
    await renumber(trx, collectionId, order);
    await touch(trx, collectionId, now);
    return index;
  });
}

/** Positions 0…n-1 in this order; only rows whose position changes are written. */
async function renumber(trx: Transaction<Database>, collectionId: string, order: string[]) {
  const current = new Map((await runsOf(trx, collectionId)).map((run) => [run.run_id, run.position]));
  for (const [position, runId] of order.entries()) {
    if (current.get(runId) === position) continue;
    await trx.updateTable("collection_runs").set({ position }).where("collection_id", "=", collectionId).where("run_id", "=", runId).execute();
  }
}

/** Serialises changes to one collection on Postgres; SQLite's single writer already does. */
async function lockCollection(trx: Transaction<Database>, collectionId: string) {
  if (!isPostgres(trx as unknown as Kysely<Database>)) return;
  await trx.selectFrom("collections").select("id").where("id", "=", collectionId).forUpdate().execute();
}
