import { notFound } from "../http/api-error";
import type { Project, Workspace } from "../seed/workspaces";
import type { SimState } from "../state/sim-state";

export interface RunContext {
  workspace: Workspace;
  project: Project;
}

/**
 * Where a run lands. Unknown workspaces or projects, or a project from another
 * workspace, answer 404 not_found (our reading: FLORA scopes ids to what the key
 * can see, so a foreign id is "not found", not "invalid"). Missing ids default to
 * the first workspace and its first project.
 */
export function resolveContext(sim: SimState, workspaceId?: string, projectId?: string): RunContext {
  const project = projectId ? sim.projects.find((p) => p.project_id === projectId) : undefined;
  if (projectId && !project) throw notFound("Project not found.");
  const wantedWorkspace = workspaceId ?? project?.workspace_id ?? sim.workspaces[0]?.workspace_id;
  const workspace = sim.workspaces.find((w) => w.workspace_id === wantedWorkspace);
  if (!workspace) throw notFound("Workspace not found.");
  const chosen = project ?? sim.projects.find((p) => p.workspace_id === workspace.workspace_id);
  if (!chosen || chosen.workspace_id !== workspace.workspace_id) throw notFound("Project not found in this workspace.");
  return { workspace, project: chosen };
}
