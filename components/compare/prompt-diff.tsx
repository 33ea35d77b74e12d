import { diffWords } from "@/lib/compare/word-diff";

/**
 * A prompt with its differences from the baseline marked: <ins> and <del> say "added" and
 * "removed" to screen readers that announce them, and the colours and strike say it to the
 * eye. Without a baseline (the first run) the prompt is shown as it is.
 */
export function PromptDiff({ before, after }: { before: string | null; after: string }) {
  if (before === null) return <p className="whitespace-pre-wrap break-words text-sm">{after}</p>;
  return (
    <p className="whitespace-pre-wrap break-words text-sm" data-part="prompt-diff">
      {diffWords(before, after).map((part, index) =>
        part.kind === "same" ? (
          <span key={index}>{part.text}</span>
        ) : part.kind === "added" ? (
          <ins key={index} className="bg-emerald-100 text-emerald-900 no-underline" title="not in the first run’s prompt">
            {part.text}
          </ins>
        ) : (
          <del key={index} className="bg-rose-100 text-rose-900" title="in the first run’s prompt, not in this one">
            {part.text}
          </del>
        ),
      )}
    </p>
  );
}
