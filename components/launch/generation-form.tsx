"use client";

import { useState, type FormEvent } from "react";
import { Field, inputClass } from "@/components/forms/field";
import { LaunchButton, LaunchFailureNotice, ReadOnlyNotice } from "@/components/launch/launch-parts";
import { ModelPicker, TypePicker } from "@/components/launch/model-picker";
import { ParamFields } from "@/components/launch/param-fields";
import { firstPlace, PlaceFields, rememberPlace, type Place, type PlaceChoices } from "@/components/launch/place-fields";
import { useLaunchSubmit } from "@/components/launch/use-launch-submit";
import type { GenerationType, Model } from "@/lib/flora/schemas";
import { defaultDraft, draftFromParams, toParams, type DraftValue, type ParamDraft } from "@/lib/params/param-draft";
import { paramProblems } from "@/lib/params/params-schema";

export interface GenerationPrefill {
  type: GenerationType;
  modelId: string | null;
  prompt: string;
  params: Record<string, unknown> | null;
  place: Place | null;
}

interface GenerationFormProps {
  models: Model[];
  choices: PlaceChoices;
  prefill: GenerationPrefill | null;
  readOnly: boolean;
  maxPromptLength: number;
}

const modelsOf = (models: Model[], type: GenerationType) => models.filter((model) => model.type === type);

function initialModel(models: Model[], type: GenerationType, wanted: string | null): Model | undefined {
  const ofType = modelsOf(models, type);
  return ofType.find((model) => model.model_id === wanted) ?? ofType.find((model) => !model.beta) ?? ofType[0];
}

/** The generation form at /new: type, model, its params, place, prompt, estimate, launch. */
export function GenerationForm({ models, choices, prefill, readOnly, maxPromptLength }: GenerationFormProps) {
  const [type, setType] = useState<GenerationType>(prefill?.type ?? "image");
  const [modelId, setModelId] = useState(() => initialModel(models, type, prefill?.modelId ?? null)?.model_id ?? "");
  const model = models.find((candidate) => candidate.model_id === modelId);
  const [draft, setDraft] = useState<ParamDraft>(() => (model ? draftFromParams(model.params, prefill?.params ?? null) : {}));
  const [place, setPlace] = useState<Place>(() => prefill?.place ?? firstPlace(choices));
  const [prompt, setPrompt] = useState(prefill?.prompt ?? "");
  const [checkErrors, setCheckErrors] = useState<Record<string, string>>({});
  const launch = useLaunchSubmit<{ run_id: string }>("/api/v1/generate", (answer) => `/runs/${encodeURIComponent(answer.run_id)}`);
  const errors = { ...launch.fieldErrors, ...checkErrors };
  const busy = launch.phase !== "idle";

  function chooseModel(next: Model | undefined) {
    setModelId(next?.model_id ?? "");
    setDraft(next ? defaultDraft(next.params) : {});
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    if (readOnly || !model) return;
    const params = toParams(model.params, draft);
    const problems: Record<string, string> = Object.fromEntries(paramProblems(model.params, params).map((problem) => [problem.field, problem.message]));
    if (prompt.trim() === "") problems.prompt = "Write a prompt.";
    else if (prompt.length > maxPromptLength) problems.prompt = `At most ${maxPromptLength.toLocaleString("en-US")} characters.`;
    if (!place.workspaceId) problems.workspace_id = "Choose a workspace.";
    if (!place.projectId) problems.project_id = "Choose a project.";
    setCheckErrors(problems);
    if (Object.keys(problems).length > 0) {
      // Take the teammate to the first field that needs them.
      requestAnimationFrame(() => form.querySelector<HTMLElement>("[aria-invalid=true]")?.focus());
      return;
    }
    rememberPlace(place);
    void launch.submit({ type, model: model.model_id, prompt, workspace_id: place.workspaceId, project_id: place.projectId, params });
  }

  const overLimit = prompt.length > maxPromptLength;
  return (
    <form onSubmit={onSubmit} aria-label="New generation" noValidate className="space-y-6">
      {readOnly && <ReadOnlyNotice />}
      <fieldset disabled={readOnly || busy} className="space-y-6">
        <TypePicker
          value={type}
          disabled={readOnly}
          onChange={(next) => {
            setType(next);
            chooseModel(initialModel(models, next, null));
          }}
        />
        <ModelPicker models={modelsOf(models, type)} value={modelId} onChange={(id) => chooseModel(models.find((m) => m.model_id === id))} disabled={readOnly} error={errors.model} />
        {model && (
          <section aria-labelledby="params-heading" className="space-y-3">
            <h2 id="params-heading" className="text-sm font-semibold uppercase tracking-wide text-muted">
              {model.name} parameters
            </h2>
            <ParamFields params={model.params} draft={draft} errors={errors} disabled={readOnly} onChange={(name: string, value: DraftValue) => setDraft((current) => ({ ...current, [name]: value }))} />
            {errors.params && <p className="text-xs font-medium text-rose-800">{errors.params}</p>}
          </section>
        )}
        <PlaceFields choices={choices} place={place} onChange={setPlace} recall={!prefill?.place} disabled={readOnly} errors={errors} />
        <Field
          label="Prompt"
          error={errors.prompt}
          hint={
            <span className={`text-xs tabular-nums ${overLimit ? "font-medium text-rose-800" : "text-muted"}`}>
              {prompt.length.toLocaleString("en-US")} / {maxPromptLength.toLocaleString("en-US")} characters
            </span>
          }
        >
          {(control) => <textarea {...control} rows={5} value={prompt} onChange={(event) => setPrompt(event.target.value)} className={inputClass} />}
        </Field>
      </fieldset>
      {launch.failure && <LaunchFailureNotice message={launch.failure.message} />}
      <div className="flex flex-wrap items-center gap-4 border-t border-black/10 pt-4">
        {model && (
          <p className="text-sm" data-testid="launch-estimate">
            Estimate: about <strong>{model.estimated_credits} credits</strong> and about <strong>{model.estimated_seconds} s</strong> (FLORA&apos;s figures for {model.name}).
          </p>
        )}
        <LaunchButton phase={launch.phase} disabled={readOnly || !model} />
      </div>
    </form>
  );
}
