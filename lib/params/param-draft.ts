import type { ModelParam } from "@/lib/flora/schemas";

/**
 * What the launch form holds for each param while the teammate edits: numbers stay text
 * until sent (so "1." or "" can be typed), lists are lists, dicts are rows. `toParams`
 * turns a draft into FLORA's params; `draftFromParams` fills a form from a recorded launch.
 */
export type DraftValue = string | boolean | string[] | DictRow[];
export interface DictRow {
  key: string;
  value: string;
}
export type ParamDraft = Record<string, DraftValue>;

const NUMERIC = new Set<ModelParam["type"]>(["int", "int?", "seed", "float"]);

function numberText(value: unknown): string {
  return typeof value === "number" && Number.isFinite(value) ? String(value) : "";
}

function dictRows(param: ModelParam, value: unknown): DictRow[] {
  const given = value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  if (param.properties) {
    return Object.entries(param.properties).map(([key, spec]) => ({ key, value: numberText(key in given ? given[key] : spec.default) }));
  }
  return Object.entries(given).map(([key, entry]) => ({ key, value: String(entry) }));
}

/** One param's draft from a value (a recorded one, or the model's default when absent). */
function draftOf(param: ModelParam, value: unknown): DraftValue {
  switch (param.type) {
    case "string":
      return typeof value === "string" ? value : "";
    case "string[]":
      return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === "string") : [];
    case "bool":
      return typeof value === "boolean" ? value : false;
    case "int":
    case "int?":
    case "seed":
    case "float":
      return numberText(value);
    case "dict":
      return dictRows(param, value);
  }
}

export function defaultDraft(params: ModelParam[]): ParamDraft {
  return Object.fromEntries(params.map((param) => [param.name, draftOf(param, param.default)]));
}

/** Fills from a recorded launch's params; anything the record lacks takes the default. */
export function draftFromParams(params: ModelParam[], recorded: Record<string, unknown> | null): ParamDraft {
  return Object.fromEntries(
    params.map((param) => [param.name, draftOf(param, recorded && param.name in recorded ? recorded[param.name] : param.default)]),
  );
}

/** Text to number: "" is absent, anything unreadable stays NaN so validation names it. */
const toNumber = (text: string) => (text.trim() === "" ? undefined : Number(text.trim()));

function dictValue(param: ModelParam, rows: DictRow[]): Record<string, unknown> | undefined {
  const filled = rows.filter((row) => row.key.trim() !== "" || row.value.trim() !== "");
  if (filled.length === 0) return undefined;
  return Object.fromEntries(
    filled.map((row) => {
      const key = row.key.trim();
      if (param.properties) return [key, toNumber(row.value) ?? Number.NaN];
      return [key, row.value];
    }),
  );
}

/**
 * FLORA's params from a draft: empty optional fields are left out (FLORA applies its
 * defaults); an emptied `int?` is sent as null, which is what "no limit" means there.
 */
export function toParams(params: ModelParam[], draft: ParamDraft): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const param of params) {
    const value = draft[param.name];
    if (value === undefined) continue;
    if (NUMERIC.has(param.type)) {
      const number = toNumber(value as string);
      if (number !== undefined) result[param.name] = number;
      else if (param.type === "int?" && param.default !== undefined) result[param.name] = null;
      continue;
    }
    if (param.type === "string") {
      if (value !== "" || param.required) result[param.name] = value;
    } else if (param.type === "string[]") {
      const list = (value as string[]).map((entry) => entry.trim()).filter(Boolean);
      if (list.length > 0) result[param.name] = list;
    } else if (param.type === "bool") {
      result[param.name] = value;
    } else {
      const dict = dictValue(param, value as DictRow[]);
      if (dict) result[param.name] = dict;
    }
  }
  return result;
}

/** A seed anywhere in the param's range (FLORA's seeds are unsigned 32-bit by default). */
export function randomSeed(param: Pick<ModelParam, "min" | "max">, random = Math.random): number {
  const min = Math.ceil(param.min ?? 0);
  const max = Math.floor(Math.min(param.max ?? 4_294_967_295, Number.MAX_SAFE_INTEGER));
  return min + Math.floor(random() * (max - min + 1));
}
