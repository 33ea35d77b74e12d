import { runStatusValues, type RunStatusValue } from "@/lib/flora/run-status";
import { isPrefixedId } from "@/lib/ids";
import { SEARCH_MAX_LENGTH } from "@/lib/search/fts-query";

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
  /** Prompt search: words in the prompts, param values and technique inputs (`?q=`). */
  q?: string;
  /** "Launched by": "me", or a teammate's user id (never an email); absent: anyone. */
  by?: string;
}

/** "me", or a user id: letters, digits, `_` and `-` (users get UUIDs), so nothing else rides in the URL. */
export const isLauncherValue = (value: string) => value === "me" || /^[A-Za-z0-9_-]{1,64}$/.test(value);

/** The search text as the URL keeps it: trimmed and cut to the longest the server accepts. */
export const normalizeSearchText = (value: string) => value.trim().slice(0, SEARCH_MAX_LENGTH).trim();

const PARSERS: { [K in keyof HistoryFilters]-?: (value: string) => boolean } = {
  workspace: (value) => isPrefixedId(value, "ws_"),
  project: (value) => isPrefixedId(value, "prj_"),
  status: (value) => (runStatusValues as readonly string[]).includes(value),
  technique: (value) => isPrefixedId(value, "tech_"),
  q: (value) => value !== "",
  by: isLauncherValue,
};

/** The order parameters are written in, so equal filters make equal URLs and query keys. */
const ORDER: Array<keyof HistoryFilters> = ["workspace", "project", "status", "technique", "by", "q"];

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
    const raw = read(params, name);
    const value = name === "q" && raw !== undefined ? normalizeSearchText(raw) : raw;
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

/**
 * A search or a "Launched by" choice lists the launches the dashboard recorded (only they have
 * a prompt and a launcher), from the local store rather than FLORA's history. Workspace,
 * project and technique still apply; status does not (the store does not know it).
 */
export const isLaunchSearch = (filters: HistoryFilters) => filters.q !== undefined || filters.by !== undefined;
