"use client";

import { AppLink } from "@/components/ui/app-link";
import { useDeferredValue, useState } from "react";
import { Field, inputClass } from "@/components/forms/field";
import { formatCredits, formatUsd, techniqueCostUsd } from "@/lib/money";

export interface TechniqueSummary {
  id: string;
  name: string;
  description: string | null;
  runCost: number;
  inputs: string[];
  outputs: string[];
}

const matches = (technique: TechniqueSummary, words: string[]) => {
  const text = `${technique.name} ${technique.description ?? ""}`.toLowerCase();
  return words.every((word) => text.includes(word));
};

/** Every technique the team's key can use, narrowed as the teammate types. */
export function TechniqueCatalogue({ techniques, linkQuery = "" }: { techniques: TechniqueSummary[]; /** Carried into each technique's link (`?use=…`). */ linkQuery?: string }) {
  const [search, setSearch] = useState("");
  const words = useDeferredValue(search).toLowerCase().split(/\s+/).filter(Boolean);
  const shown = techniques.filter((technique) => matches(technique, words));
  return (
    <div className="space-y-4">
      <div className="max-w-md">
        <Field label="Search techniques" description="Matches names and descriptions.">
          {(control) => <input {...control} type="search" value={search} onChange={(event) => setSearch(event.target.value)} className={inputClass} />}
        </Field>
      </div>
      <p className="text-sm text-muted" aria-live="polite">
        {shown.length === techniques.length ? `${techniques.length} techniques` : `${shown.length} of ${techniques.length} techniques match`}
      </p>
      {shown.length === 0 ? (
        <p className="rounded-lg bg-white p-6">
          No technique matches “{search}”.{" "}
          <button type="button" onClick={() => setSearch("")} className="text-accent underline">
            Clear the search
          </button>
        </p>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2" aria-label="Techniques">
          {shown.map((technique) => (
            <li key={technique.id} className="min-w-0 rounded-lg border border-black/10 bg-white p-4">
              <AppLink href={`/techniques/${encodeURIComponent(technique.id)}${linkQuery}`} className="break-words text-lg font-medium text-accent hover:underline">
                {technique.name}
              </AppLink>
              {technique.description && <p className="mt-1 text-sm">{technique.description}</p>}
              <p className="mt-2 text-xs text-muted">
                {formatUsd(techniqueCostUsd(technique.runCost))} ({formatCredits(technique.runCost)}) per run · takes {technique.inputs.join(", ") || "nothing"} · makes {technique.outputs.join(", ") || "nothing"}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
