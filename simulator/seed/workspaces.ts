import type { WorkspaceListResponse } from "@flora-ai/flora/resources/workspaces/workspaces";
import type { ProjectListResponse } from "@flora-ai/flora/resources/projects/projects";

const DAY = 86_400_000;

export type Workspace = WorkspaceListResponse.Workspace;
export type Project = ProjectListResponse;

/** Fixed, not seeded: the dashboard's tests may name these ids. */
export function buildWorkspaces(start: number): Workspace[] {
  return [
    { workspace_id: "ws_northwind", name: "Northwind Studio", role: "owner", created_at: start - 400 * DAY },
    { workspace_id: "ws_atlaslabs", name: "Atlas Labs", role: "member", created_at: start - 210 * DAY },
    // FLORA types created_at as nullable; one null keeps clients honest.
    { workspace_id: "ws_sandbox", name: "Sandbox", role: "admin", created_at: null },
  ];
}

interface ProjectSeed {
  id: string;
  workspace: string;
  name: string;
  ageDays: number;
  origin: string | null;
  /** Relative share of the history that lands in this project. */
  weight: number;
}

export const PROJECT_SEEDS: readonly ProjectSeed[] = [
  { id: "prj_springcampaign", workspace: "ws_northwind", name: "Spring Campaign", ageDays: 120, origin: "app", weight: 6 },
  { id: "prj_productlaunch", workspace: "ws_northwind", name: "Product Launch Teaser", ageDays: 95, origin: "app", weight: 5 },
  { id: "prj_socialcuts", workspace: "ws_northwind", name: "Social Cuts", ageDays: 60, origin: "api", weight: 3 },
  { id: "prj_moodboards", workspace: "ws_atlaslabs", name: "Moodboards", ageDays: 180, origin: "app", weight: 4 },
  { id: "prj_podcastintro", workspace: "ws_atlaslabs", name: "Podcast Intro & Stings", ageDays: 75, origin: "api", weight: 2 },
  { id: "prj_copylab", workspace: "ws_atlaslabs", name: "Copy Lab", ageDays: 40, origin: null, weight: 2 },
  { id: "prj_scratchpad", workspace: "ws_sandbox", name: "Scratchpad", ageDays: 100, origin: "app", weight: 1 },
];

/** last_modified follows the newest run in the project, null when it has none. */
export function buildProjects(start: number, lastRunAt: ReadonlyMap<string, number>): Project[] {
  return PROJECT_SEEDS.map((seed) => ({
    project_id: seed.id,
    workspace_id: seed.workspace,
    name: seed.name,
    created_at: start - seed.ageDays * DAY,
    last_modified: lastRunAt.get(seed.id) ?? null,
    origin: seed.origin,
  }));
}
