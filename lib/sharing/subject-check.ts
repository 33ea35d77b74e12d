import "server-only";
import { getDb } from "@/lib/db";
import { ApiError } from "@/lib/errors/api-error";
import { isUpstreamNotFound } from "@/lib/flora/call-policy";
import { readRun } from "@/lib/runs/read-run";
import type { NewLinkBody } from "@/lib/sharing/link-api";
import type { LinkSubject } from "@/lib/sharing/link-store";

/**
 * Makes sure what a new link points at exists before anything is stored: a run is read
 * once from FLORA (through the coalesced poll cache), so a made-up run id is a 404 and no
 * link; a collection must be in the store. Other upstream failures pass on in the
 * gateway's words (a 503 leaves nothing stored either).
 */
export async function existingSubject(subject: NewLinkBody["subject"]): Promise<LinkSubject> {
  if (subject.kind === "collection") {
    const db = await getDb();
    const found = await db.selectFrom("collections").select("id").where("id", "=", subject.collection_id).executeTakeFirst();
    if (!found) throw new ApiError("not_found", "There is no collection with this id.");
    return { kind: "collection", collectionId: subject.collection_id };
  }
  const techniqueId = subject.technique_id ?? null;
  try {
    await readRun({ kind: techniqueId ? "technique" : "generation", runId: subject.run_id, techniqueId });
  } catch (error) {
    if (isUpstreamNotFound(error)) throw new ApiError("not_found", "FLORA has no run with this id.");
    throw error;
  }
  return { kind: "run", runId: subject.run_id, techniqueId };
}
