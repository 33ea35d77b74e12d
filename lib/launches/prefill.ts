import "server-only";
import { getDb } from "@/lib/db";
import type { Launch } from "@/lib/db/schema";
import { generationTypeSchema } from "@/lib/flora/schemas";
import { runIdSchema } from "@/lib/flora/request-schemas";
import { answerFacts, parseRecordedJson } from "@/lib/launches/launch-record";
import { launchesForRuns } from "@/lib/launches/launch-store";

/**
 * "Run again": the record of the run named by `?again=`, when the dashboard launched it.
 * An id that is not a run id, or a run the store does not know, fills nothing.
 */
export async function recordedLaunch(again: string | string[] | undefined, kind: Launch["kind"]): Promise<Launch | null> {
  const runId = runIdSchema.safeParse(again);
  if (!runId.success) return null;
  const launch = (await launchesForRuns(await getDb(), [runId.data])).get(runId.data);
  return launch && launch.kind === kind ? launch : null;
}

export const recordedParams = (launch: Launch): unknown => parseRecordedJson(launch.params_json);

export function generationPrefill(launch: Launch) {
  const params = recordedParams(launch);
  const type = generationTypeSchema.safeParse(launch.type);
  return {
    type: type.success ? type.data : ("image" as const),
    modelId: launch.model ?? answerFacts(parseRecordedJson(launch.response_json)).modelId,
    prompt: launch.prompt ?? "",
    params: params && typeof params === "object" && !Array.isArray(params) ? (params as Record<string, unknown>) : null,
    place: launch.workspace_id && launch.project_id ? { workspaceId: launch.workspace_id, projectId: launch.project_id } : null,
  };
}
