import type { FieldError } from "../http/api-error";
import type { Technique } from "../seed/techniques";

export interface TechniqueInput {
  id: string;
  type: "text" | "imageUrl" | "videoUrl";
  value: string;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

/** Inputs against the technique's schema: known ids, matching types, required ones present. */
export function techniqueInputProblems(technique: Technique, inputs: readonly TechniqueInput[]): FieldError[] {
  const problems: FieldError[] = [];
  const seen = new Map<string, number>();
  inputs.forEach((input, index) => {
    const spec = technique.inputs.find((candidate) => candidate.id === input.id);
    if (!spec) {
      problems.push({ field: `inputs.${index}.id`, message: `Unknown input "${input.id}".` });
      return;
    }
    seen.set(input.id, (seen.get(input.id) ?? 0) + 1);
    if ((seen.get(input.id) ?? 0) > 1 && !spec.allow_multiple) {
      problems.push({ field: `inputs.${index}.id`, message: `Input "${input.id}" accepts one value.` });
    }
    if (spec.type !== input.type) {
      problems.push({ field: `inputs.${index}.type`, message: `Must be ${spec.type}.` });
    } else if (input.type === "text" ? input.value.trim() === "" : !isHttpUrl(input.value)) {
      problems.push({ field: `inputs.${index}.value`, message: input.type === "text" ? "Must not be empty." : "Must be an http(s) URL." });
    }
  });
  for (const spec of technique.inputs) {
    if (!spec.optional && !seen.has(spec.id)) problems.push({ field: "inputs", message: `Missing required input "${spec.id}".` });
  }
  return problems;
}
