import type { FieldError } from "../http/api-error";
import type { Model, ModelParam } from "../seed/models";

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function rangeProblem(value: number, param: { min?: number; max?: number }): string | undefined {
  if (param.min !== undefined && value < param.min) return `Must be at least ${param.min}.`;
  if (param.max !== undefined && value > param.max) return `Must be at most ${param.max}.`;
  return undefined;
}

function dictProblem(value: unknown, param: ModelParam): string | undefined {
  if (!isPlainObject(value)) return "Must be an object.";
  for (const [key, entry] of Object.entries(value)) {
    const spec = param.properties?.[key];
    if (param.properties && !spec) return `Unknown property "${key}".`;
    if (spec && (typeof entry !== "number" || !Number.isFinite(entry))) return `"${key}" must be a number.`;
    const problem = spec && typeof entry === "number" ? rangeProblem(entry, spec) : undefined;
    if (problem) return `"${key}": ${problem}`;
  }
  return undefined;
}

/** One value against its declared type (the eight types GET /models documents). */
function valueProblem(value: unknown, param: ModelParam): string | undefined {
  switch (param.type) {
    case "string":
      if (typeof value !== "string") return "Must be a string.";
      if (param.options && !param.options.some((o) => o.value === value)) {
        return `Must be one of: ${param.options.map((o) => o.value).join(", ")}.`;
      }
      return undefined;
    case "string[]":
      return Array.isArray(value) && value.every((v) => typeof v === "string") ? undefined : "Must be an array of strings.";
    case "bool":
      return typeof value === "boolean" ? undefined : "Must be a boolean.";
    case "int?":
      if (value === null) return undefined;
      return Number.isInteger(value) ? rangeProblem(value as number, param) : "Must be an integer or null.";
    case "int":
      return Number.isInteger(value) ? rangeProblem(value as number, param) : "Must be an integer.";
    case "seed":
      return Number.isInteger(value) ? rangeProblem(value as number, param) : "Must be an integer seed.";
    case "float":
      return typeof value === "number" && Number.isFinite(value) ? rangeProblem(value, param) : "Must be a number.";
    case "dict":
      return dictProblem(value, param);
  }
}

/**
 * Checks params against the model's catalog entry. Unknown names are rejected
 * rather than ignored (our choice: it catches form bugs in clients early).
 */
export function modelParamProblems(model: Model, params: Record<string, unknown>): FieldError[] {
  const problems: FieldError[] = [];
  for (const param of model.params) {
    const value = params[param.name];
    if (value === undefined) {
      if (param.required && param.default === undefined) problems.push({ field: `params.${param.name}`, message: "Required" });
      continue;
    }
    const problem = valueProblem(value, param);
    if (problem) problems.push({ field: `params.${param.name}`, message: problem });
  }
  for (const name of Object.keys(params)) {
    if (!model.params.some((p) => p.name === name)) {
      problems.push({ field: `params.${name}`, message: `Unknown parameter for model ${model.model_id}.` });
    }
  }
  return problems;
}
