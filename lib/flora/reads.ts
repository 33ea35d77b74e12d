import "server-only";
import { remembered } from "@/lib/cache/remembered";
import { getFloraClient } from "@/lib/flora/client";
import {
  generationPageSchema,
  modelListSchema,
  projectPageSchema,
  runSchema,
  techniquePageSchema,
  techniqueRunPageSchema,
  techniqueSchema,
  workspaceListSchema,
  type GenerationPage,
  type GenerationType,
  type Model,
  type Project,
  type Run,
  type Technique,
  type TechniqueRunPage,
  type Workspace,
} from "@/lib/flora/schemas";
import { parseUpstream } from "@/lib/flora/upstream-error";
import type { GenerationListQuery, TechniqueRunListQuery } from "@/lib/flora/request-schemas";
import { runCacheKey, runPollCache, techniqueRunCacheKey } from "@/lib/flora/cache/run-poll-cache";
import { callUpstream, READ_POLICY, type AttemptOptions } from "@/lib/flora/call-policy";
import type { UpstreamFailure } from "@/lib/flora/upstream-failure";
import { log } from "@/lib/log";

/**
 * Reads of FLORA through the SDK, under the gateway's read policy (10 s, one retry) and
 * validated against FLORA's schemas. Pages and the /api/v1 gateway both read through here.
 */

function read<T>(what: string, attempt: (options: AttemptOptions) => Promise<T>): Promise<T> {
  return callUpstream(READ_POLICY, attempt, {
    onFailure: (failure: UpstreamFailure, attemptNumber: number) =>
      log.warn(`upstream ${what} failed`, { attempt: attemptNumber, upstream: failure }),
  });
}

/**
 * How long one list page is shared. Two hundred viewers reloading page one every ten
 * seconds would otherwise be twenty upstream reads a second against a key FLORA limits per
 * minute; this makes it one per distinct query per second, and a second is well inside the
 * history's own refresh (live rows every 3 s, the "N new runs" check).
 */
export const LIST_FRESH_MS = 1_000;

/** The whole upstream query, in a stable order, as the coalescing key. */
export function listQueryKey(path: string, query: Record<string, unknown>): string {
  const entries = Object.entries(query)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `list:${path}?${JSON.stringify(entries)}`;
}

/** `fresh`: skip the shared page, for a caller that must see a run started a moment ago. */
interface ListOptions {
  fresh?: boolean;
}

export async function listGenerations(query: GenerationListQuery, { fresh = false }: ListOptions = {}): Promise<GenerationPage> {
  const load = () =>
    read("GET /generations", async (options) => {
      const page = await getFloraClient().generations.list(query, options);
      return parseUpstream(generationPageSchema, { generations: page.generations, meta: page.meta }, "GET /generations");
    });
  return fresh ? load() : remembered(listQueryKey("/generations", query), LIST_FRESH_MS, load);
}

export async function listTechniqueRuns(query: TechniqueRunListQuery, { fresh = false }: ListOptions = {}): Promise<TechniqueRunPage> {
  const load = () =>
    read("GET /technique-runs", async (options) => {
      const page = await getFloraClient().techniques.runs.list(query, options);
      return parseUpstream(techniqueRunPageSchema, { technique_runs: page.technique_runs, meta: page.meta }, "GET /technique-runs");
    });
  return fresh ? load() : remembered(listQueryKey("/technique-runs", query), LIST_FRESH_MS, load);
}

export async function listWorkspaces(): Promise<Workspace[]> {
  return read("GET /workspaces", async (options) =>
    parseUpstream(workspaceListSchema, await getFloraClient().workspaces.list(options), "GET /workspaces"),
  ).then((body) => body.workspaces);
}

export interface ProjectQuery {
  workspace_id: string;
  query?: string;
  cursor?: string;
  limit?: number;
}

export async function listProjects(query: ProjectQuery) {
  return read("GET /projects", async (options) => {
    const page = await getFloraClient().projects.list(query, options);
    return parseUpstream(projectPageSchema, { projects: page.projects, meta: page.meta }, "GET /projects");
  });
}

/** Every item of a paged list, following cursors up to `maxPages` pages of 100. */
async function everyPage<T>(readPage: (cursor: string | undefined) => Promise<{ items: T[]; next: string | null | undefined }>, maxPages: number): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let pageNumber = 0; pageNumber < maxPages; pageNumber += 1) {
    const page = await readPage(cursor);
    items.push(...page.items);
    cursor = page.next ?? undefined;
    if (!cursor) break;
  }
  return items;
}

/** Every project of a workspace (a team has tens of projects, not thousands). */
export function listAllProjects(workspaceId: string): Promise<Project[]> {
  return everyPage(async (cursor) => {
    const page = await listProjects({ workspace_id: workspaceId, limit: 100, cursor });
    return { items: page.projects, next: page.meta.next_cursor };
  }, 20);
}

export async function listModels(type?: GenerationType): Promise<Model[]> {
  return read("GET /models", async (options) =>
    parseUpstream(modelListSchema, await getFloraClient().models.list(type ? { type } : {}, options), "GET /models"),
  ).then((body) => body.models);
}

export interface TechniqueQuery {
  workspace_id?: string;
  query?: string;
  cursor?: string;
  limit?: number;
}

export async function listTechniques(query: TechniqueQuery) {
  return read("GET /techniques", async (options) => {
    const page = await getFloraClient().techniques.list(query, options);
    return parseUpstream(techniquePageSchema, { techniques: page.techniques, meta: page.meta }, "GET /techniques");
  });
}

/** Every technique the key can use, for the techniques page. */
export function listAllTechniques(): Promise<Technique[]> {
  return everyPage(async (cursor) => {
    const page = await listTechniques({ limit: 100, cursor });
    return { items: page.techniques, next: page.meta.next_cursor };
  }, 10);
}

export async function getTechnique(techniqueId: string): Promise<Technique> {
  return read("GET /techniques/{id}", async (options) =>
    parseUpstream(techniqueSchema, await getFloraClient().techniques.retrieve(techniqueId, options), "GET /techniques/{id}"),
  );
}

const readRun = (runId: string) => () =>
  read("GET /runs/{id}", async (options) =>
    parseUpstream(runSchema, await getFloraClient().generations.retrieve(runId, options), "GET /runs/{id}"),
  );

const readTechniqueRun = (techniqueId: string, runId: string) => () =>
  read("GET /techniques/{id}/runs/{id}", async (options) =>
    parseUpstream(
      runSchema,
      await getFloraClient().techniques.runs.retrieve(runId, { techniqueId }, options),
      "GET /techniques/{id}/runs/{id}",
    ),
  );

/** GET /runs/{runId}, coalesced: however many watch, one upstream poll per interval. */
export function getRun(runId: string): Promise<Run> {
  return runPollCache().get(runCacheKey(runId), readRun(runId));
}

/** GET /techniques/{techniqueId}/runs/{runId}, coalesced like getRun. */
export function getTechniqueRun(techniqueId: string, runId: string): Promise<Run> {
  return runPollCache().get(techniqueRunCacheKey(techniqueId, runId), readTechniqueRun(techniqueId, runId));
}

/**
 * One read of the run now, past whatever the poll cache holds, which then holds this answer:
 * for FLORA's webhook, which says a run changed but carries no outputs. A finished run read
 * here tells the run-end listeners (budgets, archive) like any poll.
 */
export function refreshRun(runId: string): Promise<Run> {
  return runPollCache().refresh(runCacheKey(runId), readRun(runId));
}

/** refreshRun for a technique run, which is read under its technique. */
export function refreshTechniqueRun(techniqueId: string, runId: string): Promise<Run> {
  return runPollCache().refresh(techniqueRunCacheKey(techniqueId, runId), readTechniqueRun(techniqueId, runId));
}

/** Names for ids: the lists carry workspace and project ids only. */
export interface Directory {
  workspaces: Map<string, Workspace>;
  projects: Map<string, Project>;
}

const DIRECTORY_FRESH_MS = 30_000;

/**
 * Workspaces and projects by id, remembered for 30 s: they change rarely, and every history
 * page needs them, which would otherwise cost a request per workspace on every view.
 */
export function loadDirectory(): Promise<Directory> {
  return remembered(
    "directory",
    DIRECTORY_FRESH_MS,
    async () => {
      const workspaces = await listWorkspaces();
      const projectLists = await Promise.all(workspaces.map((workspace) => listAllProjects(workspace.workspace_id)));
      return {
        workspaces: new Map(workspaces.map((workspace) => [workspace.workspace_id, workspace])),
        projects: new Map(projectLists.flat().map((project) => [project.project_id, project])),
      };
    },
  );
}

const CATALOGUE_FRESH_MS = 60_000;

/** Every model, remembered for a minute: forms, run pages and the gateway's param checks share it. */
export function loadModels(): Promise<Model[]> {
  return remembered("models", CATALOGUE_FRESH_MS, () => listModels());
}

/** One technique, remembered for a minute. */
export function loadTechnique(techniqueId: string): Promise<Technique> {
  return remembered(`technique:${techniqueId}`, CATALOGUE_FRESH_MS, () => getTechnique(techniqueId));
}
