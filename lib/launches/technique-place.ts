import type { TechniqueRunBody } from "@/lib/flora/request-schemas";
import type { UpstreamFailure } from "@/lib/flora/upstream-failure";

/**
 * The place a technique run is filed in (workspace_id/project_id) is not part of the SDK's
 * documented RunCreateParams. Atelier sends it when the teammate chose one; a FLORA that
 * validates strictly refuses the unknown keys with a 400/422 naming them, and nothing was
 * started. Such a refusal is worth one more attempt without the place.
 */
export function refusesPlace(failure: UpstreamFailure): boolean {
  if (failure.kind !== "status" || (failure.status !== 400 && failure.status !== 422)) return false;
  const texts = [failure.message ?? "", ...(failure.fields ?? []).flatMap((entry) => [entry.field, entry.message])];
  return texts.some((text) => /\b(workspace_id|project_id)\b/.test(text));
}

export const hasPlace = (body: TechniqueRunBody) => body.workspace_id !== undefined || body.project_id !== undefined;

export function withoutPlace(body: TechniqueRunBody): TechniqueRunBody {
  const { workspace_id: _workspace, project_id: _project, ...rest } = body;
  return rest;
}

/** A key of its own for the second attempt: FLORA may remember the refused one. */
export const placelessKey = (key: string) => `${key}-np`;
