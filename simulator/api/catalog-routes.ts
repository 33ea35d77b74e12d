import { z } from "zod";
import { notFound } from "../http/api-error";
import type { Route } from "../http/router";
import type { SortKey } from "../runs/cursor";
import { pageDescending } from "../runs/paging";
import { GENERATION_TYPES } from "../runs/run-record";
import type { Project } from "../seed/workspaces";
import type { TechniqueEntry } from "../seed/techniques";
import type { Handler } from "./api-types";
import { cursorKey, cursorSchema, enumSchema, idSchema, limitSchema, listMeta, parseOrThrow, parseQuery } from "./params";

const searchSchema = z.string().max(200, "Must be at most 200 characters.").optional();
const contains = (haystack: string | undefined, needle: string | undefined) =>
  !needle || (haystack ?? "").toLowerCase().includes(needle.toLowerCase());

// GET /workspaces: not paginated in FLORA's API.
const listWorkspaces: Handler = (_request, sim) => ({ status: 200, body: { workspaces: sim.workspaces } });

const projectKey = (project: Project): SortKey => ({ at: project.created_at, id: project.project_id });
const projectsQuery = z.object({
  workspace_id: idSchema("ws_"),
  query: searchSchema,
  cursor: cursorSchema,
  limit: limitSchema,
});

// GET /projects?workspace_id=: workspace_id is required; an unknown one is 404.
const listProjects: Handler = (request, sim) => {
  const q = parseQuery(projectsQuery, request.query);
  if (!sim.workspaces.some((w) => w.workspace_id === q.workspace_id)) throw notFound("Workspace not found.");
  const sorted = [...sim.projects].sort((a, b) => a.created_at - b.created_at);
  const page = pageDescending("projects", sorted, projectKey,
    (p) => p.workspace_id === q.workspace_id && contains(p.name, q.query), cursorKey("projects", q.cursor), q.limit);
  return { status: 200, body: { projects: page.items, meta: listMeta(page.nextCursor, page.total) } };
};

// GET /models?type=
const listModels: Handler = (request, sim) => {
  const q = parseQuery(z.object({ type: enumSchema(GENERATION_TYPES).optional() }), request.query);
  return { status: 200, body: { models: sim.models.filter((m) => !q.type || m.type === q.type) } };
};

const techniqueKey = (entry: TechniqueEntry): SortKey => ({ at: entry.createdAt, id: entry.technique.technique_id });
const techniquesQuery = z.object({
  workspace_id: idSchema("ws_").optional(),
  query: searchSchema,
  cursor: cursorSchema,
  limit: limitSchema,
});

// GET /techniques?workspace_id=&query=: query matches name or description.
const listTechniques: Handler = (request, sim) => {
  const q = parseQuery(techniquesQuery, request.query);
  const sorted = [...sim.techniques].sort((a, b) => a.createdAt - b.createdAt);
  const matches = (entry: TechniqueEntry) =>
    (!q.workspace_id || entry.workspaceIds.includes(q.workspace_id)) &&
    (contains(entry.technique.name, q.query) || contains(entry.technique.description, q.query));
  const page = pageDescending("techniques", sorted, techniqueKey, matches, cursorKey("techniques", q.cursor), q.limit);
  return {
    status: 200,
    body: { techniques: page.items.map((entry) => entry.technique), meta: listMeta(page.nextCursor, page.total) },
  };
};

// GET /techniques/{techniqueId}
const getTechnique: Handler = (request, sim) => {
  const { techniqueId } = parseOrThrow(z.object({ techniqueId: idSchema("tech_") }), request.params);
  const entry = sim.findTechnique(techniqueId);
  if (!entry) throw notFound("Technique not found.");
  return { status: 200, body: entry.technique };
};

export const catalogRoutes: Route<Handler>[] = [
  { method: "GET", pattern: "/workspaces", handler: listWorkspaces },
  { method: "GET", pattern: "/projects", handler: listProjects },
  { method: "GET", pattern: "/models", handler: listModels },
  { method: "GET", pattern: "/techniques", handler: listTechniques },
  { method: "GET", pattern: "/techniques/:techniqueId", handler: getTechnique },
];
