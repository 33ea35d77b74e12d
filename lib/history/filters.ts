import { z } from "zod";
import { runStatusSchema, type RunStatus } from "@/lib/flora/schemas";
import { projectIdSchema, techniqueIdSchema, workspaceIdSchema } from "@/lib/gateway/request-schemas";

/**
 * The history filters, as they live in the URL: one parser map shared by the server page
 * and the client, so a copied URL reopens the same view. A value that does not parse is
 * dropped (a stale link still opens, unfiltered) rather than turned into an error page.
 */
export type HistoryKind = "generation" | "technique";

export interface HistoryFilters {
  workspace?: string;
  project?: string;
  status?: RunStatus;
  technique?: string;
}

const PARSERS = {
  workspace: workspaceIdSchema,
  project: projectIdSchema,
  status: runStatusSchema,
  technique: techniqueIdSchema,
} satisfies Record<keyof HistoryFilters, z.ZodType>;

/** The order parameters are written in, so equal filters make equal URLs and query keys. */
const ORDER: Array<keyof HistoryFilters> = ["workspace", "project", "status", "technique"];

type SearchParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

function read(params: SearchParamsLike, name: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(name) ?? undefined;
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
}

export function parseHistoryFilters(params: SearchParamsLike, kind: HistoryKind): HistoryFilters {
  const filters: HistoryFilters = {};
  for (const name of ORDER) {
    if (name === "technique" && kind !== "technique") continue;
    const parsed = PARSERS[name].safeParse(read(params, name));
    if (parsed.success && parsed.data !== undefined) (filters as Record<string, string>)[name] = parsed.data;
  }
  // A project belongs to a workspace: without one, the project alone still filters.
  return filters;
}

/** `?workspace=…&status=…` (empty string when no filter), in a stable order. */
export function historySearch(filters: HistoryFilters): string {
  const params = new URLSearchParams();
  for (const name of ORDER) {
    const value = filters[name];
    if (value) params.set(name, value);
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The same filters in FLORA's query names. */
export function toFloraQuery(filters: HistoryFilters) {
  return {
    ...(filters.workspace && { workspace_id: filters.workspace }),
    ...(filters.project && { project_id: filters.project }),
    ...(filters.status && { status: filters.status }),
    ...(filters.technique && { technique_id: filters.technique }),
  };
}

export const hasFilters = (filters: HistoryFilters) => ORDER.some((name) => filters[name] !== undefined);
