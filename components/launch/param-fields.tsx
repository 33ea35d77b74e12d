"use client";

import { Field, FieldGroup, inputClass } from "@/components/forms/field";
import { TagInput } from "@/components/forms/tag-input";
import type { ModelParam } from "@/lib/flora/schemas";
import { randomSeed, type DictRow, type DraftValue, type ParamDraft } from "@/lib/params/param-draft";
import { isRequiredParam } from "@/lib/params/params-schema";

interface ParamFieldsProps {
  params: ModelParam[];
  draft: ParamDraft;
  errors: Record<string, string>;
  disabled: boolean;
  onChange: (name: string, value: DraftValue) => void;
}

const labelOf = (param: ModelParam) => (
  <>
    {param.label ?? param.name}
    {isRequiredParam(param) ? "" : <span className="font-normal text-muted"> (optional)</span>}
  </>
);

/** The chosen model's params, one control per param type. */
export function ParamFields({ params, draft, errors, disabled, onChange }: ParamFieldsProps) {
  if (params.length === 0) return <p className="text-sm text-muted">This model takes no parameters.</p>;
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {params.map((param) => (
        <ParamField
          key={param.name}
          param={param}
          value={draft[param.name]}
          error={errors[`params.${param.name}`]}
          disabled={disabled}
          onChange={(value) => onChange(param.name, value)}
        />
      ))}
    </div>
  );
}

function rangeText(param: ModelParam): string | undefined {
  if (param.min === undefined && param.max === undefined) return undefined;
  if (param.min !== undefined && param.max !== undefined) return `From ${param.min} to ${param.max}.`;
  return param.min !== undefined ? `At least ${param.min}.` : `At most ${param.max}.`;
}

const describe = (...parts: Array<string | undefined>) => parts.filter(Boolean).join(" ") || undefined;

function ParamField({ param, value, error, disabled, onChange }: { param: ModelParam; value: DraftValue | undefined; error?: string; disabled: boolean; onChange: (value: DraftValue) => void }) {
  switch (param.type) {
    case "string":
      return param.options && param.options.length > 0 ? (
        <Field label={labelOf(param)} description={describe(param.description, param.options.find((o) => o.value === value)?.description)} error={error}>
          {(control) => (
            <select {...control} value={value as string} disabled={disabled} onChange={(event) => onChange(event.target.value)} className={inputClass}>
              {!isRequiredParam(param) && param.default === undefined && <option value="">Model default</option>}
              {param.options!.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : (
        <Field label={labelOf(param)} description={param.description} error={error}>
          {(control) => <input {...control} type="text" value={value as string} disabled={disabled} onChange={(event) => onChange(event.target.value)} className={inputClass} />}
        </Field>
      );
    case "string[]":
      return (
        <Field label={labelOf(param)} description={describe(param.description, "Press Enter after each entry.")} error={error}>
          {(control) => <TagInput control={control} values={(value as string[]) ?? []} onChange={onChange} disabled={disabled} itemName={param.label ?? param.name} />}
        </Field>
      );
    case "bool":
      return (
        <Field label={labelOf(param)} description={param.description} error={error}>
          {(control) => (
            <button
              {...control}
              type="button"
              role="switch"
              aria-checked={value === true}
              disabled={disabled}
              onClick={() => onChange(value !== true)}
              className={`relative inline-flex h-6 w-11 items-center rounded-full transition-colors disabled:opacity-60 ${value === true ? "bg-accent" : "bg-black/20"}`}
            >
              <span className={`inline-block h-5 w-5 rounded-full bg-white shadow transition-transform ${value === true ? "translate-x-5" : "translate-x-0.5"}`} />
            </button>
          )}
        </Field>
      );
    case "int":
    case "int?":
    case "float":
      return <NumberParam param={param} value={value as string} error={error} disabled={disabled} onChange={onChange} />;
    case "seed":
      return (
        <Field label={labelOf(param)} description={describe(param.description, "Leave empty for a new seed each run.")} error={error}>
          {(control) => (
            <div className="flex gap-2">
              <input {...control} type="text" inputMode="numeric" value={value as string} disabled={disabled} onChange={(event) => onChange(event.target.value)} className={inputClass} />
              <button type="button" disabled={disabled} onClick={() => onChange(String(randomSeed(param)))} className="whitespace-nowrap rounded-md border border-black/15 bg-white px-3 text-sm font-medium">
                Randomise {param.label ?? param.name}
              </button>
            </div>
          )}
        </Field>
      );
    case "dict":
      return <DictParam param={param} rows={(value as DictRow[]) ?? []} error={error} disabled={disabled} onChange={onChange} />;
  }
}

/** A number field, with a slider beside it when the range is bounded on both sides. */
function NumberParam({ param, value, error, disabled, onChange }: { param: ModelParam; value: string; error?: string; disabled: boolean; onChange: (value: string) => void }) {
  const step = param.type === "float" ? "any" : "1";
  const slider = param.min !== undefined && param.max !== undefined;
  const emptyMeaning = param.type === "int?" ? "Leave empty for no limit." : undefined;
  return (
    <Field label={labelOf(param)} description={describe(param.description, rangeText(param), emptyMeaning)} error={error}>
      {(control) => (
        <div className="flex items-center gap-3">
          {slider && (
            <input
              type="range"
              aria-label={`${param.label ?? param.name} slider`}
              min={param.min}
              max={param.max}
              step={param.type === "float" ? (param.max! - param.min!) / 100 : 1}
              value={value === "" || Number.isNaN(Number(value)) ? (param.min ?? 0) : Number(value)}
              disabled={disabled}
              onChange={(event) => onChange(event.target.value)}
              className="w-full accent-accent"
            />
          )}
          <input
            {...control}
            type="number"
            inputMode={param.type === "float" ? "decimal" : "numeric"}
            min={param.min}
            max={param.max}
            step={step}
            value={value}
            disabled={disabled}
            onChange={(event) => onChange(event.target.value)}
            className={`${inputClass} ${slider ? "max-w-28" : ""}`}
          />
        </div>
      )}
    </Field>
  );
}

/** Key-value rows: fixed keys when the model declares them, free rows otherwise. */
function DictParam({ param, rows, error, disabled, onChange }: { param: ModelParam; rows: DictRow[]; error?: string; disabled: boolean; onChange: (rows: DictRow[]) => void }) {
  const name = param.label ?? param.name;
  const fixed = param.properties !== undefined;
  const update = (index: number, change: Partial<DictRow>) => onChange(rows.map((row, other) => (other === index ? { ...row, ...change } : row)));
  return (
    <FieldGroup legend={labelOf(param)} description={param.description} error={error} className="md:col-span-2">
      <div className="space-y-2">
        {rows.map((row, index) => {
          const spec = param.properties?.[row.key];
          return (
            <div key={fixed ? row.key : index} className="flex items-center gap-2">
              {fixed ? (
                <span className="w-28 font-mono text-sm">{row.key}</span>
              ) : (
                <input aria-label={`${name} key ${index + 1}`} value={row.key} disabled={disabled} onChange={(event) => update(index, { key: event.target.value })} className={`${inputClass} max-w-48`} />
              )}
              <input
                aria-label={fixed ? `${name} ${row.key}` : `${name} value ${index + 1}`}
                type={fixed ? "number" : "text"}
                min={spec?.min}
                max={spec?.max}
                step="any"
                value={row.value}
                disabled={disabled}
                onChange={(event) => update(index, { value: event.target.value })}
                className={inputClass}
              />
              {spec && <span className="whitespace-nowrap text-xs text-muted">{spec.min} to {spec.max}</span>}
              {!fixed && (
                <button type="button" disabled={disabled} onClick={() => onChange(rows.filter((_, other) => other !== index))} aria-label={`Remove ${name} row ${index + 1}`} className="rounded-md px-2 text-muted hover:bg-black/5">
                  ×
                </button>
              )}
            </div>
          );
        })}
        {!fixed && (
          <button type="button" disabled={disabled} onClick={() => onChange([...rows, { key: "", value: "" }])} className="rounded-md border border-black/15 bg-white px-3 py-1 text-sm font-medium">
            Add a {name} row
          </button>
        )}
      </div>
    </FieldGroup>
  );
}
