"use client";

import { useState, type FormEvent } from "react";
import { FieldGroup, inputClass } from "@/components/forms/field";
import { LaunchButton, LaunchFailureNotice, ReadOnlyNotice } from "@/components/launch/launch-parts";
import { useLaunchSubmit } from "@/components/launch/use-launch-submit";
import type { Technique } from "@/lib/flora/schemas";
import {
  defaultInputDraft,
  inputDraftFromRecorded,
  isLaunchableInput,
  techniqueInputProblems,
  toTechniqueInputs,
  type InputDraft,
  type TechniqueInput,
} from "@/lib/params/technique-inputs";

const TYPE_HINTS: Record<string, string> = {
  text: "",
  imageUrl: "The http(s) URL of an image.",
  videoUrl: "The http(s) URL of a video.",
};

/** A form generated from a technique's inputs; it starts a run and opens that run's page. */
export function TechniqueForm({ technique, recordedInputs, readOnly }: { technique: Technique; recordedInputs: unknown; readOnly: boolean }) {
  const [draft, setDraft] = useState<InputDraft>(() => (recordedInputs ? inputDraftFromRecorded(technique, recordedInputs) : defaultInputDraft(technique)));
  const [checkErrors, setCheckErrors] = useState<Record<string, string>>({});
  const techniqueId = encodeURIComponent(technique.technique_id);
  const launch = useLaunchSubmit<{ run_id: string }>(`/api/v1/techniques/${techniqueId}/runs`, (answer) => `/technique-runs/${techniqueId}/${encodeURIComponent(answer.run_id)}`);
  const errors = { ...launch.fieldErrors, ...checkErrors };
  const busy = launch.phase !== "idle";

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    if (readOnly) return;
    const inputs = toTechniqueInputs(technique, draft);
    const problems = Object.fromEntries(techniqueInputProblems(technique, inputs).map((problem) => [problem.field, problem.message]));
    setCheckErrors(problems);
    if (Object.keys(problems).length > 0) {
      requestAnimationFrame(() => form.querySelector<HTMLElement>("[aria-invalid=true]")?.focus());
      return;
    }
    void launch.submit({ inputs, mode: "async" });
  }

  const setValues = (id: string, values: string[]) => setDraft((current) => ({ ...current, [id]: values }));
  return (
    <form onSubmit={onSubmit} aria-label={`Run ${technique.name}`} noValidate className="space-y-5">
      {readOnly && <ReadOnlyNotice />}
      <fieldset disabled={readOnly || busy} className="space-y-5">
        {technique.inputs.map((input) => (
          <InputField key={input.id} input={input} values={draft[input.id] ?? [""]} error={errors[`inputs.${input.id}`]} onChange={(values) => setValues(input.id, values)} />
        ))}
      </fieldset>
      {errors.inputs && <p className="text-xs font-medium text-rose-800">{errors.inputs}</p>}
      {launch.failure && <LaunchFailureNotice message={launch.failure.message} />}
      <div className="flex flex-wrap items-center gap-4 border-t border-black/10 pt-4">
        <p className="text-sm" data-testid="launch-estimate">
          Cost: <strong>{technique.run_cost} credits</strong> per run (FLORA&apos;s figure for this technique).
        </p>
        <LaunchButton phase={launch.phase} disabled={readOnly} label={`Run ${technique.name}`} />
      </div>
    </form>
  );
}

function InputField({ input, values, error, onChange }: { input: TechniqueInput; values: string[]; error?: string; onChange: (values: string[]) => void }) {
  const launchable = isLaunchableInput(input);
  const legend = (
    <>
      {input.name}
      {input.optional && <span className="font-normal text-muted"> (optional)</span>}
    </>
  );
  const description = [input.description, launchable ? TYPE_HINTS[input.type] : `A ${input.type} input, which FLORA's API cannot take yet.`, input.allow_multiple ? "Takes several values." : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <FieldGroup legend={legend} description={description} error={error}>
      {launchable &&
        values.map((value, index) => {
          const label = values.length > 1 ? `${input.name} ${index + 1}` : input.name;
          const common = {
            "aria-label": label,
            "aria-invalid": error ? true : undefined,
            value,
            onChange: (event: { target: { value: string } }) => onChange(values.map((other, at) => (at === index ? event.target.value : other))),
            className: inputClass,
          };
          return (
            <div key={index} className="flex items-start gap-2">
              {input.type === "text" ? <textarea rows={3} {...common} /> : <input type="url" inputMode="url" placeholder="https://" {...common} />}
              {values.length > 1 && (
                <button type="button" onClick={() => onChange(values.filter((_, at) => at !== index))} aria-label={`Remove ${label}`} className="rounded-md px-2 py-2 text-muted hover:bg-black/5">
                  ×
                </button>
              )}
            </div>
          );
        })}
      {launchable && input.allow_multiple && (
        <button type="button" onClick={() => onChange([...values, ""])} className="rounded-md border border-black/15 bg-white px-3 py-1 text-sm font-medium">
          Add another {input.name}
        </button>
      )}
    </FieldGroup>
  );
}
