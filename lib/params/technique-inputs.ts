import { z } from "zod";
import type { Technique } from "@/lib/flora/schemas";

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

const httpUrl = z.url({ protocol: /^https?$/, error: "Must be an http(s) URL." });
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

/** Field errors named `inputs.<id>`. */
export function techniqueInputProblems(technique: Technique, inputs: TechniqueRunInput[]): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = [];
  const byId = new Map(technique.inputs.map((input) => [input.id, input]));
  for (const given of inputs) {
    const input = byId.get(given.id);
    if (!input) problems.push({ field: `inputs.${given.id}`, message: "Not an input of this technique." });
    else if (input.type !== given.type) problems.push({ field: `inputs.${given.id}`, message: `Must be of type ${input.type}.` });
    else if (given.value.length > MAX_VALUE) problems.push({ field: `inputs.${given.id}`, message: `At most ${MAX_VALUE} characters.` });
    else if (given.type !== "text" && !httpUrl.safeParse(given.value).success) problems.push({ field: `inputs.${given.id}`, message: "Must be an http(s) URL." });
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
