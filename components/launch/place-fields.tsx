"use client";

import { useEffect } from "react";
import { Field, inputClass } from "@/components/forms/field";
import type { Place, PlaceChoices } from "@/lib/launches/place-choices";

export type { Place, PlaceChoices };

const LAST_PLACE_KEY = "atelier:last-place";

/** The last workspace and project launched into, from this browser, if they still exist. */
export function rememberPlace(place: Place) {
  try {
    localStorage.setItem(LAST_PLACE_KEY, JSON.stringify(place));
  } catch {
    // Storage may be full or blocked; remembering is a convenience.
  }
}

function recalledPlace(choices: PlaceChoices): Place | null {
  try {
    const place = JSON.parse(localStorage.getItem(LAST_PLACE_KEY) ?? "null") as Partial<Place> | null;
    const project = choices.projects.find((candidate) => candidate.id === place?.projectId);
    return project && project.workspaceId === place?.workspaceId ? { workspaceId: project.workspaceId, projectId: project.id } : null;
  } catch {
    return null;
  }
}

export function firstPlace(choices: PlaceChoices): Place {
  const workspaceId = choices.workspaces[0]?.id ?? "";
  return { workspaceId, projectId: choices.projects.find((project) => project.workspaceId === workspaceId)?.id ?? "" };
}

/** Workspace, then project (its choices follow the workspace); the last used one comes back. */
export function PlaceFields({
  choices,
  place,
  onChange,
  recall,
  disabled,
  errors,
}: {
  choices: PlaceChoices;
  place: Place;
  onChange: (place: Place) => void;
  /** False when the form was filled from a run ("Run again"): its place wins. */
  recall: boolean;
  disabled: boolean;
  errors: Record<string, string>;
}) {
  useEffect(() => {
    if (!recall) return;
    const remembered = recalledPlace(choices);
    if (remembered) onChange(remembered);
    // Once, after hydration: the server cannot know this browser's last place.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const projects = choices.projects.filter((project) => project.workspaceId === place.workspaceId);
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Field label="Workspace" required error={errors.workspace_id}>
        {(control) => (
          <select
            {...control}
            value={place.workspaceId}
            disabled={disabled}
            onChange={(event) => {
              const workspaceId = event.target.value;
              onChange({ workspaceId, projectId: choices.projects.find((project) => project.workspaceId === workspaceId)?.id ?? "" });
            }}
            className={inputClass}
          >
            {choices.workspaces.map((workspace) => (
              <option key={workspace.id} value={workspace.id}>
                {workspace.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Project" required error={errors.project_id}>
        {(control) => (
          <select {...control} value={place.projectId} disabled={disabled || projects.length === 0} onChange={(event) => onChange({ ...place, projectId: event.target.value })} className={inputClass}>
            {projects.length === 0 && <option value="">No projects in this workspace</option>}
            {projects.map((project) => (
              <option key={project.id} value={project.id}>
                {project.name}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
}
