import { runStatusValues, type RunStatusValue } from "@/lib/flora/run-status";
import { isPrefixedId } from "@/lib/ids";

/**
 * The history filters, as they live in the URL: one parser map shared by the server page
 * and the client, so a copied URL reopens the same view. A value that does not parse is
 * dropped (a stale link still opens, unfiltered) rather than turned into an error page.
 * Written without zod because it ships to the browser; the ids follow the same rule
 * (lib/ids.ts) as the gateway's zod schemas, which check them again server-side.
 */
export type HistoryKind = "generation" | "technique";

export interface HistoryFilters {
  workspace?: string;
  project?: string;
  status?: RunStatusValue;
  technique?: string;
}

const PARSERS: { [K in keyof HistoryFilters]-?: (value: string) => boolean } = {
  workspace: (value) => isPrefixedId(value, "ws_"),
  project: (value) => isPrefixedId(value, "prj_"),
  status: (value) => (runStatusValues as readonly string[]).includes(value),
  technique: (value) => isPrefixedId(value, "tech_"),
};

/** The order parameters are written in, so equal filters make equal URLs and query keys. */
const ORDER: Array<keyof HistoryFilters> = ["workspace", "project", "status", "technique"];

type SearchParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

function read(params: SearchParamsLike, name: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(name) ?? undefined;
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
}

export function parseHistoryFilters(params: SearchParamsLike, kind: HistoryKind): HistoryFilters {
  const filters: Record<string, string> = {};
  for (const name of ORDER) {
    if (name === "technique" && kind !== "technique") continue;
    const value = read(params, name);
    if (value !== undefined && PARSERS[name](value)) filters[name] = value;
  }
  return filters as HistoryFilters;
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
