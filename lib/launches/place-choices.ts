import type { Project, Workspace } from "@/lib/flora/schemas";

/** Where a launch goes. */
export interface Place {
  workspaceId: string;
  projectId: string;
}

/** What the launch form's place fields offer. */
export interface PlaceChoices {
  workspaces: Array<{ id: string; name: string }>;
  projects: Array<{ id: string; name: string; workspaceId: string }>;
}

/** The workspaces and projects a launch form offers, from the directory FLORA lists. */
export function placeChoicesOf(directory: { workspaces: Map<string, Workspace>; projects: Map<string, Project> }): PlaceChoices {
  return {
    workspaces: [...directory.workspaces.values()].map((w) => ({ id: w.workspace_id, name: w.name })),
    projects: [...directory.projects.values()].map((p) => ({ id: p.project_id, name: p.name, workspaceId: p.workspace_id })),
  };
}
