import { TECHNIQUE_KEY_PREFIX, UNKNOWN_KEY } from "@/lib/usage/aggregate-keys";
import type { UsageRow } from "@/lib/usage/report";

/**
 * Names for the store's ids, as the history rows show them: a model by its catalogue name
 * ("FLUX.2 [pro]", not "t2i-flux-2-pro"), a technique and a project by their names. What
 * the catalogues do not know keeps its id. Pure; the catalogues are read by the caller.
 */
export interface Catalogues {
  models: ReadonlyMap<string, string>;
  techniques: ReadonlyMap<string, string>;
  projects: ReadonlyMap<string, string>;
}

export function labelModelRows(rows: UsageRow[], catalogues: Catalogues): UsageRow[] {
  return rows.map((row) => {
    if (row.key === UNKNOWN_KEY) return { ...row, label: "Unknown model" };
    if (row.key.startsWith(TECHNIQUE_KEY_PREFIX)) {
      const id = row.key.slice(TECHNIQUE_KEY_PREFIX.length);
      return { ...row, label: `Technique: ${catalogues.techniques.get(id) || id}` };
    }
    return { ...row, label: catalogues.models.get(row.key) || row.key };
  });
}

export function labelProjectRows(rows: UsageRow[], catalogues: Catalogues): UsageRow[] {
  return rows.map((row) =>
    row.key === UNKNOWN_KEY ? { ...row, label: "No project recorded" } : { ...row, label: catalogues.projects.get(row.key) || row.key },
  );
}
