import type { Technique } from "@/lib/flora/schemas";
import { HTTP_URL_MESSAGE, isHttpUrl } from "@/lib/params/url-params";

/**
 * A technique's inputs as a form: each input id holds one value, or several when the
 * technique allows multiple. The same checks run in the browser and in the gateway.
 */
export type TechniqueInput = Technique["inputs"][number];
export type InputDraft = Record<string, string[]>;
export interface TechniqueRunInput {
  id: string;
  type: "text" | "imageUrl" | "videoUrl";
  value: string;
}

/** POST /techniques/{id}/runs takes these input types (the SDK's RunCreateParams.Input). */
const LAUNCHABLE_TYPES = new Set<string>(["text", "imageUrl", "videoUrl"]);
export const isLaunchableInput = (input: TechniqueInput) => LAUNCHABLE_TYPES.has(input.type);

const MAX_VALUE = 10_000;

export function defaultInputDraft(technique: Technique): InputDraft {
  return Object.fromEntries(technique.inputs.map((input) => [input.id, [""]]));
}

/** Fills from a recorded launch's inputs ([{ id, type, value }]); unknown ids are dropped. */
export function inputDraftFromRecorded(technique: Technique, recorded: unknown): InputDraft {
  const draft = defaultInputDraft(technique);
  if (!Array.isArray(recorded)) return draft;
  const given: Record<string, string[]> = {};
  for (const entry of recorded) {
    if (entry && typeof entry === "object" && typeof entry.id === "string" && typeof entry.value === "string" && entry.id in draft) {
      (given[entry.id] ??= []).push(entry.value);
    }
  }
  return { ...draft, ...given };
}

export function toTechniqueInputs(technique: Technique, draft: InputDraft): TechniqueRunInput[] {
  return technique.inputs.filter(isLaunchableInput).flatMap((input) =>
    (draft[input.id] ?? [])
      .map((value) => value.trim())
      .filter(Boolean)
      .map((value) => ({ id: input.id, type: input.type as TechniqueRunInput["type"], value })),
  );
}

/**
 * Field errors named `inputs.<id>`; a value of an input that takes several is named by its
 * place among that input's values, `inputs.<id>.<n>`, so the form shows it on its row.
 */
export function techniqueInputProblems(technique: Technique, inputs: TechniqueRunInput[]): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = [];
  const byId = new Map(technique.inputs.map((input) => [input.id, input]));
  const places = new Map<string, number>();
  for (const given of inputs) {
    const input = byId.get(given.id);
    const place = places.get(given.id) ?? 0;
    places.set(given.id, place + 1);
    const row = input?.allow_multiple ? `inputs.${given.id}.${place}` : `inputs.${given.id}`;
    if (!input) problems.push({ field: `inputs.${given.id}`, message: "Not an input of this technique." });
    else if (input.type !== given.type) problems.push({ field: `inputs.${given.id}`, message: `Must be of type ${input.type}.` });
    else if (given.value.length > MAX_VALUE) problems.push({ field: row, message: `At most ${MAX_VALUE} characters.` });
    else if (given.type !== "text" && !isHttpUrl(given.value)) problems.push({ field: row, message: HTTP_URL_MESSAGE });
  }
  for (const input of technique.inputs) {
    const count = inputs.filter((given) => given.id === input.id).length;
    if (count === 0 && !input.optional) {
      problems.push({
        field: `inputs.${input.id}`,
        message: isLaunchableInput(input) ? "Required." : `FLORA's API cannot take a ${input.type} input, so this technique cannot be launched from here.`,
      });
    }
    if (count > 1 && !input.allow_multiple) problems.push({ field: `inputs.${input.id}`, message: "Takes one value only." });
  }
  // One message per field is enough to act on.
  return problems.filter((problem, index) => problems.findIndex((other) => other.field === problem.field) === index);
}
