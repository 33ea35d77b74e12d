import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/lib/queries/fetch-json";
import { toSafeHttpUrl } from "@/lib/safe-url";

/** Recent image or video outputs, newest first, for a form's "Pick from history". */
export type MediaKind = "image" | "video";
export interface RecentOutput {
  url: string;
  runId: string;
  createdAt: number;
}

interface ListedRun {
  run_id: string;
  created_at: number;
  outputs?: Array<{ type: string; url: string }> | null;
}

const MAX_SHOWN = 12;

/** Both histories' newest completed runs, read through the gateway like every list. */
async function fetchRecentOutputs(kind: MediaKind): Promise<RecentOutput[]> {
  const [generations, techniqueRuns] = await Promise.all([
    fetchJson<{ generations: ListedRun[] }>("/api/v1/generations?status=completed&limit=50"),
    fetchJson<{ technique_runs: ListedRun[] }>("/api/v1/technique-runs?status=completed&limit=25"),
  ]);
  const seen = new Set<string>();
  const found: RecentOutput[] = [];
  for (const run of [...generations.generations, ...techniqueRuns.technique_runs].sort((a, b) => b.created_at - a.created_at)) {
    for (const output of run.outputs ?? []) {
      const url = output.type === `${kind}Url` ? toSafeHttpUrl(output.url) : null;
      if (!url || seen.has(url)) continue;
      seen.add(url);
      found.push({ url, runId: run.run_id, createdAt: run.created_at });
    }
  }
  return found.slice(0, MAX_SHOWN);
}

export const recentOutputsQuery = (kind: MediaKind) =>
  queryOptions({ queryKey: ["recent-outputs", kind] as const, queryFn: () => fetchRecentOutputs(kind), staleTime: 30_000 });
