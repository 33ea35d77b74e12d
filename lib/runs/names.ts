import type { Directory } from "@/lib/flora/reads";
import type { NameLookup } from "@/lib/runs/run-row";

/** Looks names up in a loaded directory of workspaces and projects. */
export function namesFrom(directory: Directory): NameLookup {
  return {
    workspaceName: (id) => directory.workspaces.get(id)?.name,
    projectName: (id) => directory.projects.get(id)?.name,
  };
}
