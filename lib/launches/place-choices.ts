import type { PlaceChoices } from "@/components/launch/place-fields";
import type { Project, Workspace } from "@/lib/flora/schemas";

/** The workspaces and projects a launch form offers, from the directory FLORA lists. */
export function placeChoicesOf(directory: { workspaces: Map<string, Workspace>; projects: Map<string, Project> }): PlaceChoices {
  return {
    workspaces: [...directory.workspaces.values()].map((w) => ({ id: w.workspace_id, name: w.name })),
    projects: [...directory.projects.values()].map((p) => ({ id: p.project_id, name: p.name, workspaceId: p.workspace_id })),
  };
}
