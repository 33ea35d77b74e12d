import "server-only";
import { getDb } from "@/lib/db";
import { listTechniques, loadDirectory } from "@/lib/flora/reads";

/** Names for the filters and rows: workspaces, their projects, techniques and teammates. */
export interface HistoryDirectory {
  workspaces: Array<{ id: string; name: string }>;
  projects: Array<{ id: string; name: string; workspaceId: string }>;
  techniques: Array<{ id: string; name: string }>;
  /** For "Launched by": the URL carries the id only; the name (or email) is the label. */
  teammates: Array<{ id: string; name: string }>;
}

/** Every user, disabled ones too: their launches stay on record and can be looked for. */
async function loadTeammates(): Promise<HistoryDirectory["teammates"]> {
  const db = await getDb();
  const users = await db.selectFrom("users").select(["id", "name", "email"]).execute();
  return users.map((user) => ({ id: user.id, name: user.name || user.email })).sort((a, b) => a.name.localeCompare(b.name));
}

export async function loadHistoryDirectory(): Promise<HistoryDirectory> {
  const [directory, techniques, teammates] = await Promise.all([loadDirectory(), listTechniques({ limit: 100 }), loadTeammates()]);
  return {
    workspaces: [...directory.workspaces.values()].map((w) => ({ id: w.workspace_id, name: w.name })),
    projects: [...directory.projects.values()].map((p) => ({ id: p.project_id, name: p.name, workspaceId: p.workspace_id })),
    techniques: techniques.techniques.map((t) => ({ id: t.technique_id, name: t.name })),
    teammates,
  };
}
