import { AppLink } from "@/components/ui/app-link";
import { RunPreview } from "@/components/history/run-preview";
import { StatusBadge } from "@/components/runs/status-badge";
import type { RunView } from "@/lib/collections/load-run-views";
import { differingParams } from "@/lib/compare/word-diff";
import { formatCost, formatDuration } from "@/lib/format";
import { runHref } from "@/lib/history/history-run";
import { CopyPageLink } from "@/components/compare/copy-page-link";
import { PromptDiff } from "@/components/compare/prompt-diff";

const OUTSIDE = "Launched outside the dashboard: its prompt and params are not known here.";

/**
 * Runs side by side (stacked on a phone): media, the prompt with its words that differ from
 * the first run's marked, params with those that differ highlighted, model, cost, duration.
 */
export function CompareView({ views }: { views: RunView[] }) {
  // The first run with a known prompt is what the others' prompts are marked against.
  const baselineIndex = views.findIndex((view) => view.launched && view.run?.prompt != null);
  const baseline = baselineIndex === -1 ? null : (views[baselineIndex]?.run?.prompt ?? null);
  const differing = differingParams(views.filter((view) => view.launched).map((view) => view.params));
  const columns = { 2: "md:grid-cols-2", 3: "md:grid-cols-3", 4: "md:grid-cols-2 xl:grid-cols-4" }[views.length] ?? "md:grid-cols-2";
  return (
    <section aria-labelledby="page-heading" className="min-w-0 space-y-4">
      <h1 id="page-heading" className="text-2xl font-semibold">
        Compare {views.length} runs
      </h1>
      <div className="flex flex-wrap items-center gap-3">
        <CopyPageLink />
        <p className="text-sm text-muted">
          Words <ins className="bg-emerald-100 text-emerald-900 no-underline">added</ins> or <del className="bg-rose-100 text-rose-900">removed</del> against the first run’s prompt are marked;
          params that differ are <mark className="bg-amber-100 text-ink">highlighted</mark>.
        </p>
      </div>
      <ol className={`grid grid-cols-1 gap-4 ${columns}`} aria-label="Runs compared">
        {views.map((view, index) => (
          <li key={view.ref.runId} className="min-w-0 space-y-3 rounded-lg bg-white p-3 shadow-sm" data-compare-run={view.ref.runId}>
            <h2 className="min-w-0 break-words text-base font-semibold">
              <span className="text-muted">{index + 1}.</span>{" "}
              <AppLink href={runHref(view.ref)} className="underline-offset-2 hover:underline">
                {view.run?.title ?? view.ref.runId}
              </AppLink>
            </h2>
            {view.run ? <RunColumn view={view} baseline={index === baselineIndex ? null : baseline} differing={differing} /> : <p role="note">{view.problem}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}

function RunColumn({ view, baseline, differing }: { view: RunView; baseline: string | null; differing: Set<string> }) {
  const run = view.run!;
  const params = Object.entries(view.params ?? {});
  return (
    <>
      <RunPreview run={run} size="large" />
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
        <dt className="text-muted">Status</dt>
        <dd>
          <StatusBadge status={run.status} />
        </dd>
        <dt className="text-muted">Model</dt>
        <dd className="break-words">{run.kind === "technique" ? `Technique ${run.title}` : (run.modelId ?? run.title)}</dd>
        <dt className="text-muted">Cost</dt>
        <dd className="tabular-nums">{formatCost(run.costUsd)}</dd>
        <dt className="text-muted">Duration</dt>
        <dd className="tabular-nums">{formatDuration(run.startedAt, run.completedAt) || "—"}</dd>
      </dl>
      <div className="space-y-1">
        <h3 className="text-sm font-semibold">Prompt</h3>
        {!view.launched ? (
          <p className="text-sm text-muted" data-part="outside">
            {OUTSIDE}
          </p>
        ) : run.prompt === null ? (
          <p className="text-sm text-muted">No prompt.</p>
        ) : (
          <PromptDiff before={baseline} after={run.prompt} />
        )}
      </div>
      <div className="space-y-1">
        <h3 className="text-sm font-semibold">{run.kind === "technique" ? "Inputs" : "Params"}</h3>
        {!view.launched ? (
          <p className="text-sm text-muted">{OUTSIDE}</p>
        ) : params.length === 0 ? (
          <p className="text-sm text-muted">None.</p>
        ) : (
          <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
            {params.map(([name, value]) => {
              const differs = differing.has(name);
              return (
                <div key={name} className={`contents ${differs ? "[&>*]:bg-amber-100" : ""}`} data-differs={differs || undefined}>
                  <dt className="break-words font-mono text-xs">
                    {name}
                    {differs && <span className="sr-only"> (differs)</span>}
                  </dt>
                  <dd className="break-words font-mono text-xs">{JSON.stringify(value)}</dd>
                </div>
              );
            })}
          </dl>
        )}
      </div>
    </>
  );
}
