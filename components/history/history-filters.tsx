"use client";

import { memo, useState, type RefObject } from "react";
import { runStatusLabels, runStatusValues } from "@/lib/flora/wire";
import { hasFilters, isLaunchSearch, normalizeSearchText, type HistoryFilters, type HistoryKind } from "@/lib/history/filters";
import type { HistoryDirectory } from "@/lib/history/directory";
import { SEARCH_MAX_LENGTH } from "@/lib/search/fts-query";
import type { ViewMode } from "@/components/history/use-view-mode";
import { useHydrated } from "@/components/hooks/use-hydrated";

interface FiltersProps {
  kind: HistoryKind;
  filters: HistoryFilters;
  directory: HistoryDirectory | undefined;
  onChange: (filters: HistoryFilters) => void;
  view: ViewMode;
  onViewChange: (view: ViewMode) => void;
  firstFilterRef: RefObject<HTMLSelectElement | null>;
}

// One height for the selects and the search box, which browsers size differently.
const select = "h-9 w-full min-w-0 rounded-md border border-black/20 bg-white px-2 py-1.5 text-sm sm:w-auto sm:max-w-[16rem]";
const label = "flex min-w-0 flex-col gap-1 text-xs font-medium";

/**
 * Workspace, then project (following the workspace), status, technique, the prompt search and
 * "Launched by"; and the view. A search or a launcher lists the recorded launches, where a
 * run's status is not known: the status filter then stands aside (and is cleared).
 * Memoised: the list re-renders as it scrolls, and the filters need not.
 */
export const HistoryFiltersBar = memo(function HistoryFiltersBar({ kind, filters, directory, onChange, view, onViewChange, firstFilterRef }: FiltersProps) {
  // A change made before hydration would be lost: the controls wait for React.
  const hydrated = useHydrated();
  const projects = (directory?.projects ?? []).filter((p) => !filters.workspace || p.workspaceId === filters.workspace);
  const searching = isLaunchSearch(filters);
  const set = (patch: Partial<HistoryFilters>) => {
    const next = { ...filters, ...patch };
    if (isLaunchSearch(next)) delete next.status;
    for (const key of Object.keys(next) as Array<keyof HistoryFilters>) if (!next[key]) delete next[key];
    onChange(next);
  };

  return (
    // Two columns on a phone, one line (wrapping) from sm up.
    <div role="search" aria-label="Filter runs" className="grid grid-cols-2 items-end gap-3 sm:flex sm:flex-wrap">
      <label className={label}>
        Workspace
        <select
          ref={firstFilterRef}
          disabled={!hydrated}
          className={select}
          value={filters.workspace ?? ""}
          // A project belongs to one workspace: changing the workspace clears it.
          onChange={(event) => set({ workspace: event.target.value || undefined, project: undefined })}
        >
          <option value="">All workspaces</option>
          {directory?.workspaces.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </select>
      </label>
      <label className={label}>
        Project
        <select disabled={!hydrated} className={select} value={filters.project ?? ""} onChange={(event) => set({ project: event.target.value || undefined })}>
          <option value="">All projects</option>
          {projects.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label className={label}>
        Status
        <select
          disabled={!hydrated || searching}
          title={searching ? "Status does not apply to a search or a launcher" : undefined}
          className={select}
          value={searching ? "" : (filters.status ?? "")}
          onChange={(event) => set({ status: (event.target.value || undefined) as HistoryFilters["status"] })}
        >
          <option value="">Any status</option>
          {runStatusValues.map((status) => (
            <option key={status} value={status}>
              {runStatusLabels[status]}
            </option>
          ))}
        </select>
      </label>
      {kind === "technique" && (
        <label className={label}>
          Technique
          <select disabled={!hydrated} className={select} value={filters.technique ?? ""} onChange={(event) => set({ technique: event.target.value || undefined })}>
            <option value="">All techniques</option>
            {directory?.techniques.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <SearchBox value={filters.q ?? ""} disabled={!hydrated} onSearch={(q) => set({ q: q || undefined })} />
      <label className={label}>
        Launched by
        <select disabled={!hydrated} className={select} value={filters.by ?? ""} onChange={(event) => set({ by: event.target.value || undefined })}>
          <option value="">Anyone</option>
          <option value="me">Me</option>
          {directory?.teammates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        disabled={!hydrated || !hasFilters(filters)}
        onClick={() => onChange({})}
        className="justify-self-start rounded-md px-2 py-1.5 text-sm text-accent underline disabled:text-muted disabled:no-underline"
      >
        Clear all filters
      </button>
      <div role="group" aria-label="View" className="col-start-2 ml-auto flex justify-self-end overflow-hidden rounded-md border border-black/20 text-sm">
        {(["list", "grid"] as const).map((mode) => (
          <button
            key={mode}
            type="button"
            aria-pressed={view === mode}
            disabled={!hydrated}
            onClick={() => onViewChange(mode)}
            className={`px-3 py-1.5 ${view === mode ? "bg-accent text-white" : "bg-white"}`}
          >
            {mode === "list" ? "List" : "Grid"}
          </button>
        ))}
      </div>
    </div>
  );
});

/**
 * The prompt search: searches when Enter is pressed (or the box is cleared), not on every
 * keystroke, since each search is a history entry and reads its runs from FLORA. The text
 * follows the URL when Back or "Clear all filters" changes it.
 */
function SearchBox({ value, disabled, onSearch }: { value: string; disabled: boolean; onSearch: (q: string) => void }) {
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setDraft(value);
  }
  return (
    <form
      className="col-span-2 sm:col-span-1"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(normalizeSearchText(draft));
      }}
    >
      <label className={label}>
        Search prompts
        <input
          type="search"
          name="q"
          disabled={disabled}
          value={draft}
          maxLength={SEARCH_MAX_LENGTH}
          placeholder="Words, then Enter"
          className={`${select} sm:w-56`}
          onChange={(event) => {
            setDraft(event.target.value);
            if (event.target.value === "" && value !== "") onSearch("");
          }}
        />
      </label>
    </form>
  );
}
