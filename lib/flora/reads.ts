import "server-only";
import { getFloraClient } from "@/lib/flora/client";
import { parseUpstream } from "@/lib/flora/upstream-error";
import {
  generationPageSchema,
  modelListSchema,
  projectPageSchema,
  techniqueRunPageSchema,
  workspaceListSchema,
  type GenerationPage,
  type GenerationType,
  type Model,
  type Project,
  type RunStatus,
  type TechniqueRunPage,
  type Workspace,
} from "@/lib/flora/schemas";

/**
 * Server-side reads of FLORA through the SDK, each validated against its schema. Pages use
 * these for their first render; the gateway (api/v1) builds on the same client.
 */

export interface HistoryQuery {
  workspace_id?: string;
  project_id?: string;
  status?: RunStatus;
  cursor?: string;
  limit?: number;
}

export async function listGenerations(query: HistoryQuery): Promise<GenerationPage> {
  const page = await getFloraClient().generations.list(query);
  return parseUpstream(generationPageSchema, { generations: page.generations, meta: page.meta }, "GET /generations");
}

export async function listTechniqueRuns(
  query: HistoryQuery & { technique_id?: string },
): Promise<TechniqueRunPage> {
  const page = await getFloraClient().techniques.runs.list(query);
  return parseUpstream(
    techniqueRunPageSchema,
    { technique_runs: page.technique_runs, meta: page.meta },
    "GET /technique-runs",
  );
}

export async function listWorkspaces(): Promise<Workspace[]> {
  const body = await getFloraClient().workspaces.list();
  return parseUpstream(workspaceListSchema, body, "GET /workspaces").workspaces;
}

/** Every project of a workspace, following cursors (a team has tens of projects, not thousands). */
export async function listAllProjects(workspaceId: string): Promise<Project[]> {
  const projects: Project[] = [];
  let cursor: string | undefined;
  const MAX_PAGES = 20;
  for (let pageNumber = 0; pageNumber < MAX_PAGES; pageNumber += 1) {
    const page = await getFloraClient().projects.list({ workspace_id: workspaceId, limit: 100, cursor });
    const parsed = parseUpstream(projectPageSchema, { projects: page.projects, meta: page.meta }, "GET /projects");
    projects.push(...parsed.projects);
    cursor = parsed.meta.next_cursor ?? undefined;
    if (!cursor) break;
  }
  return projects;
}

export async function listModels(type?: GenerationType): Promise<Model[]> {
  const body = await getFloraClient().models.list(type ? { type } : {});
  return parseUpstream(modelListSchema, body, "GET /models").models;
}

/** Names for ids: the lists carry workspace and project ids only. */
export interface Directory {
  workspaces: Map<string, Workspace>;
  projects: Map<string, Project>;
}

export async function loadDirectory(): Promise<Directory> {
  const workspaces = await listWorkspaces();
  const projectLists = await Promise.all(workspaces.map((workspace) => listAllProjects(workspace.workspace_id)));
  return {
    workspaces: new Map(workspaces.map((workspace) => [workspace.workspace_id, workspace])),
    projects: new Map(projectLists.flat().map((project) => [project.project_id, project])),
  };
}
