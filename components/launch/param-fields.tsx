"use client";

// First: zod must be jitless before any schema is built, or its eval probe breaks the CSP.
import "@/components/ui/browser-zod";
import { useId } from "react";
import { Field, FieldGroup, inputClass } from "@/components/forms/field";
import { HistoryPicker } from "@/components/forms/history-picker";
import { TagInput } from "@/components/forms/tag-input";
import type { ModelParam } from "@/lib/flora/wire";
import { randomSeed, type DictRow, type DraftValue, type ParamDraft } from "@/lib/params/param-draft";
import { isRequiredParam } from "@/lib/params/params-schema";
import { urlParamKind } from "@/lib/params/url-params";

interface ParamFieldsProps {
  params: ModelParam[];
  draft: ParamDraft;
  errors: Record<string, string>;
  disabled: boolean;
  onChange: (name: string, value: DraftValue) => void;
}

const labelOf = (param: ModelParam) => param.label ?? param.name;

/** Errors of one param's rows (a dict's keys, a list's entries), by key or index. */
function rowErrorsOf(errors: Record<string, string>, name: string): Record<string, string> {
  const prefix = `params.${name}.`;
  return Object.fromEntries(Object.entries(errors).flatMap(([field, message]) => (field.startsWith(prefix) ? [[field.slice(prefix.length), message]] : [])));
}

/** The chosen model's params, one control per param type; a required one is marked. */
export function ParamFields({ params, draft, errors, disabled, onChange }: ParamFieldsProps) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {params.map((param) => (
        <ParamField
          key={param.name}
          param={param}
          value={draft[param.name]}
          error={errors[`params.${param.name}`]}
          rowErrors={rowErrorsOf(errors, param.name)}
          disabled={disabled}
          onChange={(value) => onChange(param.name, value)}
        />
      ))}
    </div>
  );
}

const mediaKindOf = (param: ModelParam) => (/video/i.test(param.name) ? "video" : "image");

function rangeText(param: ModelParam): string | undefined {
  if (param.min === undefined && param.max === undefined) return undefined;
  if (param.min !== undefined && param.max !== undefined) return `From ${param.min} to ${param.max}.`;
  return param.min !== undefined ? `At least ${param.min}.` : `At most ${param.max}.`;
}

const describe = (...parts: Array<string | undefined>) => parts.filter(Boolean).join(" ") || undefined;

function ParamField({
  param,
  value,
  error,
  rowErrors,
  disabled,
  onChange,
}: {
  param: ModelParam;
  value: DraftValue | undefined;
  error?: string;
  rowErrors: Record<string, string>;
  disabled: boolean;
  onChange: (value: DraftValue) => void;
}) {
  const required = isRequiredParam(param);
  const url = urlParamKind(param.name);
  switch (param.type) {
    case "string":
      return param.options && param.options.length > 0 ? (
        <Field label={labelOf(param)} required={required} description={describe(param.description, param.options.find((o) => o.value === value)?.description)} error={error}>
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
        <Field label={labelOf(param)} required={required} description={describe(param.description, url ? "An http(s) URL." : undefined)} error={error}>
          {(control) => (
            <div className="space-y-2">
              <input
                {...control}
                type={url ? "url" : "text"}
                inputMode={url ? "url" : undefined}
                placeholder={url ? "https://" : undefined}
                value={value as string}
                disabled={disabled}
                onChange={(event) => onChange(event.target.value)}
                className={inputClass}
              />
              {url && <HistoryPicker kind={mediaKindOf(param)} fieldName={labelOf(param)} disabled={disabled} onPick={onChange} />}
            </div>
          )}
        </Field>
      );
    case "string[]": {
      const values = (value as string[]) ?? [];
      const entryErrors = Object.fromEntries(Object.entries(rowErrors).filter(([key]) => /^\d+$/.test(key)).map(([key, message]) => [Number(key), message]));
      const firstBad = Object.keys(entryErrors).map(Number).sort((a, b) => a - b)[0];
      return (
        <Field
          label={labelOf(param)}
          required={required}
          description={describe(param.description, url ? "http(s) URLs; press Enter after each." : "Press Enter after each entry.")}
          error={error ?? (firstBad === undefined ? undefined : `Entry ${firstBad + 1}: ${entryErrors[firstBad]}`)}
        >
          {(control) => (
            <div className="space-y-2">
              <TagInput control={control} values={values} onChange={onChange} disabled={disabled} itemName={labelOf(param)} entryErrors={entryErrors} url={url === "list"} />
              {url && <HistoryPicker kind={mediaKindOf(param)} fieldName={labelOf(param)} disabled={disabled} onPick={(picked) => onChange(values.includes(picked) ? values : [...values, picked])} />}
            </div>
          )}
        </Field>
      );
    }
    case "bool":
      return (
        <Field label={labelOf(param)} required={required} description={param.description} error={error}>
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
      return <NumberParam param={param} value={value as string} error={error} required={required} disabled={disabled} onChange={onChange} />;
    case "seed":
      return (
        <Field label={labelOf(param)} required={required} description={describe(param.description, "Leave empty for a new seed each run.")} error={error}>
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
      return <DictParam param={param} rows={(value as DictRow[]) ?? []} error={error} rowErrors={rowErrors} required={required} disabled={disabled} onChange={onChange} />;
  }
}

/** A number field, with a slider beside it when the range is bounded on both sides. */
function NumberParam({ param, value, error, required, disabled, onChange }: { param: ModelParam; value: string; error?: string; required: boolean; disabled: boolean; onChange: (value: string) => void }) {
  const step = param.type === "float" ? "any" : "1";
  const slider = param.min !== undefined && param.max !== undefined;
  const emptyMeaning = param.type === "int?" ? "Leave empty for no limit." : undefined;
  return (
    <Field label={labelOf(param)} required={required} description={describe(param.description, rangeText(param), emptyMeaning)} error={error}>
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

/**
 * Key-value rows: fixed keys when the model declares them, free rows otherwise. An error of
 * one key (`params.<name>.<key>`) is shown under that key's row and describes its input.
 */
function DictParam({
  param,
  rows,
  error,
  rowErrors,
  required,
  disabled,
  onChange,
}: {
  param: ModelParam;
  rows: DictRow[];
  error?: string;
  rowErrors: Record<string, string>;
  required: boolean;
  disabled: boolean;
  onChange: (rows: DictRow[]) => void;
}) {
  const name = labelOf(param);
  const baseId = useId();
  const fixed = param.properties !== undefined;
  const update = (index: number, change: Partial<DictRow>) => onChange(rows.map((row, other) => (other === index ? { ...row, ...change } : row)));
  return (
    <FieldGroup legend={name} required={required} description={param.description} error={error} className="md:col-span-2">
      <div className="space-y-2">
        {rows.map((row, index) => {
          const spec = param.properties?.[row.key];
          const rowError = row.key ? rowErrors[row.key.trim()] : undefined;
          const errorId = `${baseId}-row-${index}-error`;
          return (
            <div key={fixed ? row.key : index} className="space-y-1">
              <div className="flex items-center gap-2">
                {fixed ? (
                  <span className="w-16 shrink-0 font-mono text-sm sm:w-28">{row.key}</span>
                ) : (
                  <input aria-label={`${name} key ${index + 1}`} value={row.key} disabled={disabled} onChange={(event) => update(index, { key: event.target.value })} className={`${inputClass} max-w-48`} />
                )}
                <input
                  aria-label={fixed ? `${name} ${row.key}` : `${name} value ${index + 1}`}
                  aria-invalid={rowError ? true : undefined}
                  aria-describedby={rowError ? errorId : undefined}
                  type={fixed ? "number" : "text"}
                  min={spec?.min}
                  max={spec?.max}
                  step="any"
                  value={row.value}
                  disabled={disabled}
                  onChange={(event) => update(index, { value: event.target.value })}
                  className={inputClass}
                />
                {spec && (
                  <span className="whitespace-nowrap text-xs text-muted">
                    {spec.min} to {spec.max}
                  </span>
                )}
                {!fixed && (
                  <button type="button" disabled={disabled} onClick={() => onChange(rows.filter((_, other) => other !== index))} aria-label={`Remove ${name} row ${index + 1}`} className="rounded-md px-2 text-muted hover:bg-black/5">
                    ×
                  </button>
                )}
              </div>
              {rowError && (
                <p id={errorId} className="text-xs font-medium text-rose-800">
                  {rowError}
                </p>
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
