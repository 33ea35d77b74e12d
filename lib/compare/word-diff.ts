/**
 * A word-level diff of two prompts, for the compare page: the longest common subsequence of
 * their words (whitespace kept with the word before it), each part marked same, added or
 * removed. Written here rather than installed: no diff library is a dependency, and prompts
 * are short (FLORA caps them), so the O(n·m) table is a few thousand cells at most; past
 * MAX_WORDS a side is shown whole as changed rather than risking a slow page.
 */
export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

const MAX_WORDS = 2_000;

/** Words with their trailing whitespace, so joining the parts gives back the text. */
export function splitWords(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

const core = (word: string) => word.trim();

/** The parts of `after` against `before`: removed words of `before`, added words of `after`. */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = splitWords(before);
  const b = splitWords(after);
  if (a.length * b.length > MAX_WORDS * MAX_WORDS / 4) {
    return merge([...(before ? [{ kind: "removed" as const, text: before }] : []), ...(after ? [{ kind: "added" as const, text: after }] : [])]);
  }
  // at(i, j): the length of the LCS of a[i..] and b[j..], in one flat table.
  const width = b.length + 1;
  const lengths = new Uint32Array((a.length + 1) * width);
  const at = (i: number, j: number) => lengths[i * width + j]!;
  const wordA = (i: number) => core(a[i]!);
  const wordB = (j: number) => core(b[j]!);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] = wordA(i) === wordB(j) ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (wordA(i) === wordB(j)) {
      parts.push({ kind: "same", text: b[j++]! });
      i++;
    } else if (at(i + 1, j) >= at(i, j + 1)) {
      parts.push({ kind: "removed", text: a[i++]! });
    } else {
      parts.push({ kind: "added", text: b[j++]! });
    }
  }
  while (i < a.length) parts.push({ kind: "removed", text: a[i++]! });
  while (j < b.length) parts.push({ kind: "added", text: b[j++]! });
  return merge(parts);
}

/** Neighbouring parts of one kind become one, so a changed phrase is one mark, not five. */
function merge(parts: DiffPart[]): DiffPart[] {
  const merged: DiffPart[] = [];
  for (const part of parts) {
    const last = merged.at(-1);
    if (last && last.kind === part.kind) last.text += part.text;
    else merged.push({ ...part });
  }
  return merged;
}

/** Param names whose values are not the same in every run (a missing param differs from a set one). */
export function differingParams(params: ReadonlyArray<Record<string, unknown> | null>): Set<string> {
  const names = new Set(params.flatMap((values) => Object.keys(values ?? {})));
  const differing = new Set<string>();
  for (const name of names) {
    const shown = params.map((values) => (values && name in values ? JSON.stringify(values[name]) : undefined));
    if (new Set(shown).size > 1) differing.add(name);
  }
  return differing;
}
