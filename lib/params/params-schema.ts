import { z } from "zod";
import type { ModelParam } from "@/lib/flora/schemas";
import { HTTP_URL_MESSAGE, isHttpUrl, urlParamKind } from "@/lib/params/url-params";

/**
 * A zod schema for a model's params, built from GET /models' params list: the launch form
 * validates with it in the browser, and the gateway validates again before FLORA is asked.
 * Unknown names are refused: GET /models is the documented list of what a model takes.
 */

const SEED_MAX = 4_294_967_295;
const MAX_STRING = 10_000;
const MAX_LIST = 100;

function bounded(schema: z.ZodNumber, min: number | undefined, max: number | undefined): z.ZodNumber {
  let bounds = schema;
  if (min !== undefined) bounds = bounds.min(min, `Must be at least ${min}.`);
  if (max !== undefined) bounds = bounds.max(max, `Must be at most ${max}.`);
  return bounds;
}

const wholeNumber = () => z.number({ error: "Must be a whole number." }).int("Must be a whole number.");

function valueSchema(param: ModelParam): z.ZodType {
  switch (param.type) {
    case "string": {
      const values = param.options?.map((option) => option.value) ?? [];
      if (values.length > 0) return z.enum(values as [string, ...string[]], { error: `Must be one of: ${values.join(", ")}.` });
      const text = z.string({ error: "Must be text." }).max(MAX_STRING, `Must be at most ${MAX_STRING} characters.`);
      const filled = param.required ? text.min(1, "Required.") : text;
      // Empty is "not given" for an optional URL; anything typed must be an http(s) URL.
      return urlParamKind(param.name) === "one" ? filled.refine((value) => value === "" || isHttpUrl(value), HTTP_URL_MESSAGE) : filled;
    }
    case "string[]": {
      const entry = z.string({ error: "Each entry must be text." }).min(1, "Entries must not be empty.");
      return z
        .array(urlParamKind(param.name) === "list" ? entry.refine(isHttpUrl, HTTP_URL_MESSAGE) : entry, { error: "Must be a list of text." })
        .max(MAX_LIST, `At most ${MAX_LIST} entries.`);
    }
    case "bool":
      return z.boolean({ error: "Must be on or off." });
    case "int":
      return bounded(wholeNumber(), param.min, param.max);
    case "int?":
      return bounded(wholeNumber(), param.min, param.max).nullable();
    case "seed":
      return bounded(wholeNumber(), param.min ?? 0, param.max ?? SEED_MAX);
    case "float":
      return bounded(z.number({ error: "Must be a number." }), param.min, param.max);
    case "dict":
      return dictSchema(param);
  }
}

function dictSchema(param: ModelParam): z.ZodType {
  if (!param.properties) {
    return z.record(z.string().min(1, "Keys must not be empty."), z.union([z.string(), z.number(), z.boolean()]), {
      error: "Must be key-value pairs.",
    });
  }
  const shape = Object.fromEntries(
    Object.entries(param.properties).map(([key, spec]) => [
      key,
      bounded(z.number({ error: `"${key}" must be a number.` }), spec.min, spec.max).optional(),
    ]),
  );
  return z.object(shape, { error: "Must be key-value pairs." }).strict();
}

/** Required with no default: the teammate must give it; everything else may be left out. */
export const isRequiredParam = (param: ModelParam) => param.required && param.default === undefined;

export function buildParamsSchema(params: ModelParam[]) {
  const shape = Object.fromEntries(
    params.map((param) => [param.name, isRequiredParam(param) ? valueSchema(param) : valueSchema(param).optional()]),
  );
  return z.object(shape).strict();
}

export interface ParamFieldError {
  /**
   * `params.<name>`, as FLORA names the field in its validation errors; a row of a dict or
   * a list adds its key or index (`params.camera_control.pan`, `params.image_urls.1`).
   */
  field: string;
  message: string;
}

/** Field errors for params, named the way FLORA's and the gateway's errors name them. */
export function paramProblems(params: ModelParam[], values: unknown): ParamFieldError[] {
  const result = buildParamsSchema(params).safeParse(values);
  if (result.success) return [];
  return result.error.issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys" && issue.path.length === 0) {
      return issue.keys.map((key) => ({ field: `params.${key}`, message: "Not a parameter of this model." }));
    }
    if (issue.path.length === 0) return [{ field: "params", message: issue.message }];
    // A dict's unknown key has no row of its own: it lands on the dict.
    const path = issue.code === "unrecognized_keys" ? issue.path.slice(0, 1) : issue.path.slice(0, 2);
    return [{ field: `params.${path.map(String).join(".")}`, message: issue.message }];
  });
}
