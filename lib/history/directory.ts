import "server-only";
import { listTechniques, loadDirectory } from "@/lib/flora/reads";

/** Names for the filters and rows: workspaces, their projects, and techniques. */
export interface HistoryDirectory {
  workspaces: Array<{ id: string; name: string }>;
  projects: Array<{ id: string; name: string; workspaceId: string }>;
  techniques: Array<{ id: string; name: string }>;
}

export async function loadHistoryDirectory(): Promise<HistoryDirectory> {
  const [directory, techniques] = await Promise.all([loadDirectory(), listTechniques({ limit: 100 })]);
  return {
    workspaces: [...directory.workspaces.values()].map((w) => ({ id: w.workspace_id, name: w.name })),
    projects: [...directory.projects.values()].map((p) => ({ id: p.project_id, name: p.name, workspaceId: p.workspace_id })),
    techniques: techniques.techniques.map((t) => ({ id: t.technique_id, name: t.name })),
  };
}
