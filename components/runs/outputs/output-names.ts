import type { OutputType, RunOutput } from "@/lib/flora/wire";
import { OUTPUT_KIND } from "@/lib/runs/output-files";

/** One output a technique declares: the run's outputs follow these, in order, by type. */
export interface DeclaredOutput {
  id: string;
  name: string;
  type: OutputType;
  optional?: boolean;
  allow_multiple?: boolean;
}

const generic = (output: RunOutput, index: number) => `${OUTPUT_KIND[output.type]} output ${index + 1}`;

/**
 * The name each output is shown under. A technique's outputs take the names it declares
 * ("Palette", "Guidelines"): FLORA's outputs carry no declared id, so they are matched in
 * order and by type, skipping declared outputs that are optional or already taken (an
 * `allow_multiple` one takes every output of its type in a row, numbered). An output no
 * declaration fits, and every generation output, keeps the generic "image output 1".
 */
export function outputNames(outputs: RunOutput[], declared: DeclaredOutput[] | null | undefined): string[] {
  if (!declared || declared.length === 0) return outputs.map(generic);
  const matched: Array<DeclaredOutput | null> = [];
  let cursor = 0;
  for (const output of outputs) {
    const byId = declared.find((candidate) => candidate.id === output.output_id && candidate.type === output.type);
    if (byId) {
      matched.push(byId);
      continue;
    }
    const previous = matched.at(-1);
    if (previous?.allow_multiple && previous.type === output.type) {
      matched.push(previous);
      continue;
    }
    let found = -1;
    for (let at = cursor; at < declared.length; at += 1) {
      if (declared[at]!.type === output.type) {
        found = at;
        break;
      }
    }
    if (found < 0) {
      matched.push(null);
      continue;
    }
    matched.push(declared[found]!);
    cursor = found + 1;
  }
  const uses = new Map<DeclaredOutput, number>();
  for (const declaration of matched) if (declaration) uses.set(declaration, (uses.get(declaration) ?? 0) + 1);
  const seen = new Map<DeclaredOutput, number>();
  return outputs.map((output, index) => {
    const declaration = matched[index];
    if (!declaration || !declaration.name.trim()) return generic(output, index);
    const count = (seen.get(declaration) ?? 0) + 1;
    seen.set(declaration, count);
    return (uses.get(declaration) ?? 0) > 1 ? `${declaration.name} ${count}` : declaration.name;
  });
}
