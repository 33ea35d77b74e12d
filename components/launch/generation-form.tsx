"use client";

// First: zod must be jitless before any schema is built, or its eval probe breaks the CSP.
import "@/components/ui/browser-zod";
import { useState, type FormEvent } from "react";
import { Field, inputClass } from "@/components/forms/field";
import { GenerationEstimate } from "@/components/launch/generation-estimate";
import { BudgetWarning } from "@/components/budgets/budget-warning";
import type { CapStanding } from "@/lib/budgets/warning-text";
import { CancelledNotice, LaunchFailureNotice, LaunchFooter, ReadOnlyNotice, RequiredLegend } from "@/components/launch/launch-parts";
import { ModelPicker, TypePicker } from "@/components/launch/model-picker";
import { ParamFields } from "@/components/launch/param-fields";
import { firstPlace, PlaceFields, rememberPlace, type Place, type PlaceChoices } from "@/components/launch/place-fields";
import { useLaunchSubmit } from "@/components/launch/use-launch-submit";
import type { GenerationType, Model } from "@/lib/flora/wire";
import { generationFieldErrors } from "@/lib/params/field-paths";
import { defaultDraft, draftFromParams, toParams, type DraftValue, type ParamDraft } from "@/lib/params/param-draft";
import { isRequiredParam, paramProblems } from "@/lib/params/params-schema";
import { applyUseToDraft, targetParamForUse, type UseInput } from "@/lib/params/use-input";

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
  /** "Use as input": an output's URL for the model's first URL param of its type. */
  use: UseInput | null;
  readOnly: boolean;
  /** The cap past its warning line, read by the page on the server (nearCapFor); null: none. */
  budgetCap: CapStanding | null;
  maxPromptLength: number;
}

const modelsOf = (models: Model[], type: GenerationType) => models.filter((model) => model.type === type);

function initialModel(models: Model[], type: GenerationType, wanted: string | null): Model | undefined {
  const ofType = modelsOf(models, type);
  return ofType.find((model) => model.model_id === wanted) ?? ofType.find((model) => !model.beta) ?? ofType[0];
}

/** The advanced section starts open when it holds something the teammate did not leave at its default. */
function advancedStartsOpen(model: Model | undefined, prefill: GenerationPrefill | null, use: UseInput | null): boolean {
  if (!model) return false;
  const optional = model.params.filter((param) => !isRequiredParam(param)).map((param) => param.name);
  const target = use ? targetParamForUse(model.params, use.type) : undefined;
  return optional.some((name) => (prefill?.params && name in prefill.params) || target?.name === name);
}

/** The generation form at /new: type, model, prompt, required params, advanced params, place; estimate and Launch below. */
export function GenerationForm({ models, choices, prefill, use, readOnly, maxPromptLength, budgetCap }: GenerationFormProps) {
  const [type, setType] = useState<GenerationType>(prefill?.type ?? "image");
  const [modelId, setModelId] = useState(() => initialModel(models, type, prefill?.modelId ?? null)?.model_id ?? "");
  const model = models.find((candidate) => candidate.model_id === modelId);
  const [draft, setDraft] = useState<ParamDraft>(() => (model ? applyUseToDraft(model.params, draftFromParams(model.params, prefill?.params ?? null), use) : {}));
  const [advancedOpen, setAdvancedOpen] = useState(() => advancedStartsOpen(model, prefill, use));
  const [place, setPlace] = useState<Place>(() => prefill?.place ?? firstPlace(choices));
  const [prompt, setPrompt] = useState(prefill?.prompt ?? "");
  const [checkErrors, setCheckErrors] = useState<Record<string, string>>({});
  const launch = useLaunchSubmit<{ run_id: string }>("/api/v1/generate", (answer) => `/runs/${encodeURIComponent(answer.run_id)}`);
  const dictKeys = new Map((model?.params ?? []).flatMap((param) => (param.properties ? [[param.name, Object.keys(param.properties)] as const] : [])));
  const errors = { ...generationFieldErrors(launch.fields, dictKeys), ...checkErrors };
  const busy = launch.phase !== "idle";
  const required = model?.params.filter(isRequiredParam) ?? [];
  const optional = model?.params.filter((param) => !isRequiredParam(param)) ?? [];
  const useTarget = model && use ? targetParamForUse(model.params, use.type) : undefined;

  function chooseModel(next: Model | undefined) {
    setModelId(next?.model_id ?? "");
    setDraft(next ? applyUseToDraft(next.params, defaultDraft(next.params), use) : {});
    setCheckErrors({});
    if (next && use) setAdvancedOpen((open) => open || advancedStartsOpen(next, null, use));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    if (readOnly || !model) return;
    const params = toParams(model.params, draft);
    const problems: Record<string, string> = generationFieldErrors(paramProblems(model.params, params), dictKeys);
    if (prompt.trim() === "") problems.prompt = "Write a prompt.";
    else if (prompt.length > maxPromptLength) problems.prompt = `At most ${maxPromptLength.toLocaleString("en-US")} characters.`;
    if (!place.workspaceId) problems.workspace_id = "Choose a workspace.";
    if (!place.projectId) problems.project_id = "Choose a project.";
    setCheckErrors(problems);
    if (Object.keys(problems).length > 0) {
      // An error in a collapsed advanced param opens the section, so the teammate sees it.
      if (optional.some((param) => Object.keys(problems).some((field) => field === `params.${param.name}` || field.startsWith(`params.${param.name}.`)))) setAdvancedOpen(true);
      // Take the teammate to the first field that needs them.
      requestAnimationFrame(() => form.querySelector<HTMLElement>("[aria-invalid=true]")?.focus());
      return;
    }
    rememberPlace(place);
    void launch.submit({ type, model: model.model_id, prompt, workspace_id: place.workspaceId, project_id: place.projectId, params });
  }

  const onParamChange = (name: string, value: DraftValue) => setDraft((current) => ({ ...current, [name]: value }));
  const overLimit = prompt.length > maxPromptLength;
  // FLORA's field errors on params open the advanced section too.
  const advancedHasError = optional.some((param) => Object.keys(errors).some((field) => field === `params.${param.name}` || field.startsWith(`params.${param.name}.`)));
  return (
    <form onSubmit={onSubmit} aria-label="New generation" noValidate className="space-y-6">
      {readOnly && <ReadOnlyNotice />}
      <RequiredLegend />
      <fieldset disabled={readOnly || busy} className="min-w-0 space-y-6">
        <TypePicker
          value={type}
          disabled={readOnly}
          onChange={(next) => {
            setType(next);
            chooseModel(initialModel(models, next, null));
          }}
        />
        <ModelPicker models={modelsOf(models, type)} value={modelId} onChange={(id) => chooseModel(models.find((m) => m.model_id === id))} disabled={readOnly} error={errors.model} />
        <Field
          label="Prompt"
          required
          error={errors.prompt}
          hint={
            <span className={`text-xs tabular-nums ${overLimit ? "font-medium text-rose-800" : "text-muted"}`}>
              {prompt.length.toLocaleString("en-US")} / {maxPromptLength.toLocaleString("en-US")} characters
            </span>
          }
        >
          {(control) => <textarea {...control} rows={5} value={prompt} onChange={(event) => setPrompt(event.target.value)} className={inputClass} />}
        </Field>
        {model && (
          <section aria-labelledby="params-heading" className="space-y-3">
            <h2 id="params-heading" className="text-sm font-semibold uppercase tracking-wide text-muted">
              {model.name} parameters
            </h2>
            {use && (
              <p role="note" className="text-sm text-muted">
                {useTarget ? `The output you chose fills ${useTarget.label ?? useTarget.name}.` : `${model.name} takes no URL input, so the output you chose is not used.`}
              </p>
            )}
            {model.params.length === 0 && <p className="text-sm text-muted">This model takes no parameters.</p>}
            {required.length > 0 && <ParamFields params={required} draft={draft} errors={errors} disabled={readOnly} onChange={onParamChange} />}
            {optional.length > 0 && (
              <details open={advancedOpen || advancedHasError} onToggle={(event) => setAdvancedOpen(event.currentTarget.open)} className="group rounded-lg border border-black/10 bg-white">
                <summary className="cursor-pointer select-none px-4 py-3 text-sm font-medium">
                  Advanced parameters <span className="font-normal text-muted">({optional.length}, optional; FLORA&apos;s defaults apply)</span>
                </summary>
                <div className="border-t border-black/10 p-4">
                  <ParamFields params={optional} draft={draft} errors={errors} disabled={readOnly} onChange={onParamChange} />
                </div>
              </details>
            )}
            {errors.params && <p className="text-xs font-medium text-rose-800">{errors.params}</p>}
          </section>
        )}
        <PlaceFields choices={choices} place={place} onChange={setPlace} recall={!prefill?.place} disabled={readOnly} errors={errors} />
      </fieldset>
      {launch.failure && <LaunchFailureNotice message={launch.failure.message} />}
      {launch.cancelled && <CancelledNotice />}
      {!readOnly && <BudgetWarning cap={budgetCap} />}
      <LaunchFooter
        estimate={model ? <GenerationEstimate model={model} params={toParams(model.params, draft)} /> : null}
        phase={launch.phase}
        disabled={readOnly || !model}
        waitEndsAt={launch.waitEndsAt}
        onCancel={launch.cancel}
      />
    </form>
  );
}
