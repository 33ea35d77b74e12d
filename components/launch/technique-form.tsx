"use client";

// First: zod must be jitless before any schema is built, or its eval probe breaks the CSP.
import "@/components/ui/browser-zod";
import { useId, useState, type FormEvent } from "react";
import { FieldGroup, inputClass } from "@/components/forms/field";
import { HistoryPicker } from "@/components/forms/history-picker";
import { BudgetWarning } from "@/components/budgets/budget-warning";
import type { CapStanding } from "@/lib/budgets/warning-text";
import { CancelledNotice, LaunchFailureNotice, LaunchFooter, ReadOnlyNotice, RequiredLegend } from "@/components/launch/launch-parts";
import { firstPlace, PlaceFields, rememberPlace, type Place, type PlaceChoices } from "@/components/launch/place-fields";
import { useLaunchSubmit } from "@/components/launch/use-launch-submit";
import type { Technique } from "@/lib/flora/wire";
import { formatCredits, formatUsd, techniqueCostUsd } from "@/lib/money";
import { techniqueFieldErrors } from "@/lib/params/field-paths";
import {
  defaultInputDraft,
  inputDraftFromRecorded,
  isLaunchableInput,
  techniqueInputProblems,
  toTechniqueInputs,
  type InputDraft,
  type TechniqueInput,
} from "@/lib/params/technique-inputs";
import { applyUseToInputs, type UseInput } from "@/lib/params/use-input";

const TYPE_HINTS: Record<string, string> = {
  text: "",
  imageUrl: "The http(s) URL of an image.",
  videoUrl: "The http(s) URL of a video.",
};

interface TechniqueFormProps {
  technique: Technique;
  recordedInputs: unknown;
  /** Where the recorded run was filed ("Run again"); null to use the last place. */
  recordedPlace: Place | null;
  choices: PlaceChoices;
  use: UseInput | null;
  readOnly: boolean;
  /** The cap past its warning line, read by the page on the server (nearCapFor); null: none. */
  budgetCap: CapStanding | null;
}

/** The form rows each sent value came from: blank rows are not sent. */
const sentRows = (draft: InputDraft, id: string) =>
  (draft[id] ?? []).flatMap((value, row) => (value.trim() === "" ? [] : [row]));

/** A form generated from a technique's inputs; it says where the run is filed, starts it and opens its page. */
export function TechniqueForm({ technique, recordedInputs, recordedPlace, choices, use, readOnly, budgetCap }: TechniqueFormProps) {
  const [draft, setDraft] = useState<InputDraft>(() =>
    applyUseToInputs(technique, recordedInputs ? inputDraftFromRecorded(technique, recordedInputs) : defaultInputDraft(technique), use),
  );
  const [place, setPlace] = useState<Place>(() => recordedPlace ?? firstPlace(choices));
  const [checkErrors, setCheckErrors] = useState<Record<string, string>>({});
  const [sentDraft, setSentDraft] = useState<InputDraft>(draft);
  const techniqueId = encodeURIComponent(technique.technique_id);
  const launch = useLaunchSubmit<{ run_id: string }>(`/api/v1/techniques/${techniqueId}/runs`, (answer) => `/technique-runs/${techniqueId}/${encodeURIComponent(answer.run_id)}`);
  const multiple = new Set(technique.inputs.filter((input) => input.allow_multiple).map((input) => input.id));
  const errorsOf = (fields: Array<{ field: string; message: string }>, of: InputDraft) =>
    techniqueFieldErrors(fields, toTechniqueInputs(technique, of), multiple, (id, place) => sentRows(of, id)[place] ?? place);
  const errors = { ...errorsOf(launch.fields, sentDraft), ...checkErrors };
  const busy = launch.phase !== "idle";
  const usd = techniqueCostUsd(technique.run_cost);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    if (readOnly) return;
    const inputs = toTechniqueInputs(technique, draft);
    const problems = errorsOf(techniqueInputProblems(technique, inputs), draft);
    if (!place.workspaceId) problems.workspace_id = "Choose a workspace.";
    if (!place.projectId) problems.project_id = "Choose a project.";
    setCheckErrors(problems);
    if (Object.keys(problems).length > 0) {
      requestAnimationFrame(() => form.querySelector<HTMLElement>("[aria-invalid=true]")?.focus());
      return;
    }
    setSentDraft(draft);
    rememberPlace(place);
    void launch.submit({ inputs, mode: "async", workspace_id: place.workspaceId, project_id: place.projectId });
  }

  const setValues = (id: string, values: string[]) => setDraft((current) => ({ ...current, [id]: values }));
  return (
    <form onSubmit={onSubmit} aria-label={`Run ${technique.name}`} noValidate className="space-y-5">
      {readOnly && <ReadOnlyNotice />}
      <RequiredLegend />
      <fieldset disabled={readOnly || busy} className="min-w-0 space-y-5">
        {technique.inputs.map((input) => (
          <InputField key={input.id} input={input} values={draft[input.id] ?? [""]} errors={errors} onChange={(values) => setValues(input.id, values)} />
        ))}
        <section aria-labelledby="place-heading" className="space-y-2">
          <h3 id="place-heading" className="text-sm font-medium">
            Filed in
          </h3>
          <p className="text-xs text-muted">The workspace and project this run is filed under in the history.</p>
          <PlaceFields choices={choices} place={place} onChange={setPlace} recall={!recordedPlace} disabled={readOnly} errors={errors} />
        </section>
      </fieldset>
      {errors.inputs && <p className="text-xs font-medium text-rose-800">{errors.inputs}</p>}
      {launch.failure && <LaunchFailureNotice message={launch.failure.message} />}
      {launch.cancelled && <CancelledNotice />}
      {!readOnly && <BudgetWarning cap={budgetCap} />}
      <LaunchFooter
        estimate={
          <p>
            Cost: <strong>{formatUsd(usd)}</strong> <span className="text-muted">({formatCredits(technique.run_cost)})</span> per run
            <span className="block text-xs text-muted max-sm:sr-only">FLORA&apos;s figure for this technique; the run page shows what was charged.</span>
          </p>
        }
        phase={launch.phase}
        disabled={readOnly}
        label={`Run ${technique.name}`}
        waitEndsAt={launch.waitEndsAt}
        onCancel={launch.cancel}
      />
    </form>
  );
}

function InputField({ input, values, errors, onChange }: { input: TechniqueInput; values: string[]; errors: Record<string, string>; onChange: (values: string[]) => void }) {
  const baseId = useId();
  const launchable = isLaunchableInput(input);
  const error = errors[`inputs.${input.id}`];
  const description = [input.description, launchable ? TYPE_HINTS[input.type] : `A ${input.type} input, which FLORA's API cannot take yet.`, input.allow_multiple ? "Takes several values." : ""]
    .filter(Boolean)
    .join(" ");
  const isUrl = input.type === "imageUrl" || input.type === "videoUrl";
  const pick = (url: string) => {
    if (values.includes(url)) return;
    const blank = values.findIndex((value) => value.trim() === "");
    onChange(blank >= 0 ? values.map((value, index) => (index === blank ? url : value)) : input.allow_multiple ? [...values, url] : [url]);
  };
  return (
    <FieldGroup legend={input.name} required={!input.optional} description={description} error={error}>
      {launchable &&
        values.map((value, index) => {
          const label = values.length > 1 ? `${input.name} ${index + 1}` : input.name;
          const rowError = errors[`inputs.${input.id}.${index}`];
          const common = {
            "aria-label": label,
            "aria-invalid": error || rowError ? true : undefined,
            "aria-required": !input.optional && index === 0 ? true : undefined,
            "aria-describedby": rowError ? `${baseId}-${index}-error` : undefined,
            value,
            onChange: (event: { target: { value: string } }) => onChange(values.map((other, at) => (at === index ? event.target.value : other))),
            className: inputClass,
          };
          return (
            <div key={index} className="space-y-1">
              <div className="flex items-start gap-2">
                {input.type === "text" ? <textarea rows={3} {...common} /> : <input type="url" inputMode="url" placeholder="https://" {...common} />}
                {values.length > 1 && (
                  <button type="button" onClick={() => onChange(values.filter((_, at) => at !== index))} aria-label={`Remove ${label}`} className="rounded-md px-2 py-2 text-muted hover:bg-black/5">
                    ×
                  </button>
                )}
              </div>
              {rowError && (
                <p id={`${baseId}-${index}-error`} className="text-xs font-medium text-rose-800">
                  {rowError}
                </p>
              )}
            </div>
          );
        })}
      {launchable && (
        <div className="space-y-2">
          {input.allow_multiple && (
            <button type="button" onClick={() => onChange([...values, ""])} className="rounded-md border border-black/15 bg-white px-3 py-1 text-sm font-medium">
              Add another {input.name}
            </button>
          )}
          {isUrl && <HistoryPicker kind={input.type === "videoUrl" ? "video" : "image"} fieldName={input.name} onPick={pick} />}
        </div>
      )}
    </FieldGroup>
  );
}
