import type { TechniqueRunInput } from "@/lib/params/technique-inputs";

/**
 * FLORA names a field error by its path in the request body (`params.seed`,
 * `inputs.0.value`); a form shows it on the control that holds that value. These turn the
 * paths of FLORA's, the gateway's and the browser's own errors into the keys the forms use:
 * `params.<name>`, `params.<name>.<key or index>` for a dict or list row, and
 * `inputs.<id>` or `inputs.<id>.<row>` for a technique input.
 */
export interface FieldProblem {
  field: string;
  message: string;
}

/** `params[camera][pan]`, `/params/camera/pan` and `params.camera.pan` are one path. */
export function normaliseFieldPath(field: string): string {
  return field
    .trim()
    .replace(/\[["']?([^\]"']*)["']?\]/g, ".$1")
    .replace(/\//g, ".")
    .replace(/^\.+|\.+$/g, "")
    .replace(/\.{2,}/g, ".");
}

/**
 * A dict's error that names its key only in the message (`"pan": Must be at most 10.`, as
 * the simulator words it) lands on that key's row, with the key taken out of the message.
 */
function dictRowOf(field: string, message: string, dictKeys: ReadonlyMap<string, readonly string[]>): FieldProblem {
  const keys = dictKeys.get(field.replace(/^params\./, ""));
  const named = /^"([^"]+)":\s*(.+)$/.exec(message);
  if (keys && named && keys.includes(named[1]!)) return { field: `${field}.${named[1]}`, message: named[2]! };
  return { field, message };
}

/** Field errors of a generation launch, keyed as the generation form shows them. */
export function generationFieldErrors(fields: readonly FieldProblem[], dictKeys: ReadonlyMap<string, readonly string[]> = new Map()): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const problem of fields) {
    const located = dictRowOf(normaliseFieldPath(problem.field), problem.message, dictKeys);
    errors[located.field] ??= located.message;
  }
  return errors;
}

/**
 * Field errors of a technique launch. FLORA points into the inputs array it was sent
 * (`inputs.2.value`): that entry's input id, and its place among that input's values, name
 * the row. `rowOf` turns that place into the form's row (blank rows were not sent).
 */
export function techniqueFieldErrors(
  fields: readonly FieldProblem[],
  sent: readonly TechniqueRunInput[],
  multiple: ReadonlySet<string>,
  rowOf: (id: string, place: number) => number = (_id, place) => place,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const problem of fields) {
    let field = normaliseFieldPath(problem.field);
    const indexed = /^inputs\.(\d+)(\.(value|id|type))?$/.exec(field);
    const entry = indexed ? sent[Number(indexed[1])] : undefined;
    if (indexed && entry) {
      const place = sent.slice(0, Number(indexed[1])).filter((other) => other.id === entry.id).length;
      field = multiple.has(entry.id) ? `inputs.${entry.id}.${rowOf(entry.id, place)}` : `inputs.${entry.id}`;
    } else {
      const byId = /^inputs\.([^.]+)\.(\d+)$/.exec(field);
      if (byId && !multiple.has(byId[1]!)) field = `inputs.${byId[1]}`;
      else if (byId) field = `inputs.${byId[1]}.${rowOf(byId[1]!, Number(byId[2]))}`;
    }
    errors[field] ??= problem.message;
  }
  return errors;
}
