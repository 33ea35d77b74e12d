import type { Kysely } from "kysely";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { COLLECTION_RUNS_MAX } from "@/lib/collections/collection-rules";
import {
  addRunsAs,
  createCollection,
  deleteCollectionAs,
  getCollection,
  listCollections,
  moveRunAs,
  removeRunAs,
  renameCollectionAs,
  type RunCheck,
} from "@/lib/collections/collection-service";
import type { Database, User } from "@/lib/db/schema";
import { ApiError } from "@/lib/errors/api-error";
import { memoryDatabase } from "@/lib/testing/memory-db";
import { addUser } from "@/lib/users/users";

let db: Kysely<Database>;
let member: User;
let other: User;
let admin: User;
let viewer: User;
let counter = 0;
/** FLORA's runs, as the stand-in check knows them. */
const upstream = new Set<string>();
const checkRun = vi.fn<RunCheck>(async (ref) => {
  if (!upstream.has(ref.runId)) throw new ApiError("not_found", `FLORA has no run ${ref.runId}.`);
});

beforeEach(async () => {
  db = await memoryDatabase();
  counter += 1;
  member = await addUser(db, { email: `ana${counter}@x.example`, role: "member" });
  other = await addUser(db, { email: `bo${counter}@x.example`, role: "member" });
  admin = await addUser(db, { email: `cy${counter}@x.example`, role: "admin" });
  viewer = await addUser(db, { email: `di${counter}@x.example`, role: "viewer" });
  upstream.clear();
  for (const id of ["run_a", "run_b", "run_c", "run_d"]) upstream.add(id);
  checkRun.mockClear();
});

const order = async (id: string) => (await getCollection(db, member, id)).runs.map((run) => run.run_id);
const code = (promise: Promise<unknown>) => promise.then(() => "resolved", (error: unknown) => (error instanceof ApiError ? error.code : String(error)));

describe("collections", () => {
  it("keeps runs in the order added, and a run added twice once", async () => {
    const { id } = await createCollection(db, member, "Review");
    await addRunsAs(db, member, id, [{ run_id: "run_a" }, { run_id: "run_b", technique_id: "tech_1" }], checkRun);
    const again = await addRunsAs(db, other, id, [{ run_id: "run_a" }, { run_id: "run_c" }, { run_id: "run_c" }], checkRun);
    expect(again.added).toEqual(["run_c"]);
    const collection = await getCollection(db, viewer, id);
    expect(collection.runs.map(({ run_id, kind, technique_id, position }) => ({ run_id, kind, technique_id, position }))).toEqual([
      { run_id: "run_a", kind: "generation", technique_id: null, position: 0 },
      { run_id: "run_b", kind: "technique", technique_id: "tech_1", position: 1 },
      { run_id: "run_c", kind: "generation", technique_id: null, position: 2 },
    ]);
    expect(collection.runs[2]?.added_by_email).toBe(other.email);
    // The run already there is not read upstream again.
    expect(checkRun.mock.calls.map(([ref]) => ref.runId)).toEqual(["run_a", "run_b", "run_c"]);
  });

  it("checks every new run upstream and stores none when one is unknown", async () => {
    const { id } = await createCollection(db, member, "Review");
    expect(await code(addRunsAs(db, member, id, [{ run_id: "run_a" }, { run_id: "run_zz" }], checkRun))).toBe("not_found");
    expect(await order(id)).toEqual([]);
  });

  it("moves a run to an index, clamped, renumbering the others; removes and renumbers", async () => {
    const { id } = await createCollection(db, member, "Review");
    await addRunsAs(db, member, id, ["run_a", "run_b", "run_c", "run_d"].map((run_id) => ({ run_id })), checkRun);
    expect((await moveRunAs(db, member, id, "run_d", 0)).position).toBe(0);
    expect(await order(id)).toEqual(["run_d", "run_a", "run_b", "run_c"]);
    expect((await moveRunAs(db, member, id, "run_d", 99)).position).toBe(3);
    expect(await order(id)).toEqual(["run_a", "run_b", "run_c", "run_d"]);
    await moveRunAs(db, member, id, "run_a", 2);
    expect(await order(id)).toEqual(["run_b", "run_c", "run_a", "run_d"]);
    await removeRunAs(db, member, id, "run_c");
    const runs = (await getCollection(db, member, id)).runs;
    expect(runs.map((run) => [run.run_id, run.position])).toEqual([["run_b", 0], ["run_a", 1], ["run_d", 2]]);
    expect(await code(moveRunAs(db, member, id, "run_c", 0))).toBe("not_found");
    expect(await code(removeRunAs(db, member, id, "run_c"))).toBe("not_found");
  });

  it(`holds at most ${COLLECTION_RUNS_MAX} runs`, async () => {
    const { id } = await createCollection(db, member, "Big");
    const many = Array.from({ length: COLLECTION_RUNS_MAX }, (_, index) => `run_${index}`);
    for (const runId of many) upstream.add(runId);
    await addRunsAs(db, member, id, many.slice(0, COLLECTION_RUNS_MAX - 1).map((run_id) => ({ run_id })), checkRun);
    expect(await code(addRunsAs(db, member, id, [{ run_id: "run_a" }, { run_id: "run_b" }], checkRun))).toBe("conflict");
    await addRunsAs(db, member, id, [{ run_id: "run_a" }], checkRun);
    expect((await getCollection(db, member, id)).runs).toHaveLength(COLLECTION_RUNS_MAX);
    // Already there: still a no-op at the limit.
    expect((await addRunsAs(db, member, id, [{ run_id: "run_a" }], checkRun)).added).toEqual([]);
  });

  it("lets viewers read but not change; deletes by creator or admin only", async () => {
    const { id } = await createCollection(db, member, "Mine");
    expect(await code(createCollection(db, viewer, "x"))).toBe("forbidden");
    expect(await code(addRunsAs(db, viewer, id, [{ run_id: "run_a" }], checkRun))).toBe("forbidden");
    expect(await code(renameCollectionAs(db, viewer, id, "x"))).toBe("forbidden");
    expect(await code(moveRunAs(db, viewer, id, "run_a", 0))).toBe("forbidden");
    expect(await code(removeRunAs(db, viewer, id, "run_a"))).toBe("forbidden");
    expect(await code(deleteCollectionAs(db, viewer, id))).toBe("forbidden");
    expect(await code(deleteCollectionAs(db, other, id))).toBe("forbidden");
    expect((await listCollections(db, viewer)).map((c) => [c.name, c.can_delete])).toEqual([["Mine", false]]);
    expect((await listCollections(db, member))[0]?.can_delete).toBe(true);
    expect((await renameCollectionAs(db, other, id, "Ours")).name).toBe("Ours");
    await deleteCollectionAs(db, admin, id);
    expect(await listCollections(db, member)).toEqual([]);
  });

  it("deletes a collection's runs with it, and no one else's", async () => {
    const first = await createCollection(db, member, "One");
    const second = await createCollection(db, member, "Two");
    await addRunsAs(db, member, first.id, [{ run_id: "run_a" }, { run_id: "run_b" }], checkRun);
    await addRunsAs(db, member, second.id, [{ run_id: "run_a" }], checkRun);
    await deleteCollectionAs(db, member, first.id);
    expect(await code(getCollection(db, member, first.id))).toBe("not_found");
    const left = await db.selectFrom("collection_runs").select(["collection_id", "run_id"]).execute();
    expect(left).toEqual([{ collection_id: second.id, run_id: "run_a" }]);
    expect((await listCollections(db, member)).map((c) => [c.name, c.run_count])).toEqual([["Two", 1]]);
  });

  it("answers not_found for an unknown collection", async () => {
    expect(await code(getCollection(db, member, "col_nothere"))).toBe("not_found");
    expect(await code(addRunsAs(db, member, "col_nothere", [{ run_id: "run_a" }], checkRun))).toBe("not_found");
    expect(await code(deleteCollectionAs(db, admin, "col_nothere"))).toBe("not_found");
  });
});
