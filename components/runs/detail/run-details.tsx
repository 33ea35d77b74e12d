import { StatusBadge } from "@/components/runs/status-badge";
import { LocalTime } from "@/components/ui/local-time";
import type { Run } from "@/lib/flora/wire";
import { formatCost, formatDuration } from "@/lib/format";
import type { RunContext, RunRef } from "@/lib/runs/run-ref";

/** A term and its value; the term column narrows on phones so values keep their room. */
export function Fact({ term, children }: { term: React.ReactNode; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[6.5rem_minmax(0,1fr)] gap-2 py-1.5 sm:grid-cols-[9rem_minmax(0,1fr)]">
      <dt className="text-muted">{term}</dt>
      <dd className="min-w-0 [overflow-wrap:anywhere]">{children}</dd>
    </div>
  );
}

/** A time in the viewer's zone (UTC on hover), or a dash when FLORA gave none. */
export const RunTime = ({ at }: { at: number | null | undefined }) =>
  at == null ? <span className="text-muted">—</span> : <LocalTime iso={new Date(at).toISOString()} />;

const named = (place: { id: string; name: string | null } | null) =>
  place ? (place.name ?? <span title="FLORA did not give a name for this id">{place.id}</span>) : <span className="text-muted">Not known</span>;

/** What FLORA says about the run, with names for the ids. */
export function RunDetails({ runRef, run, context }: { runRef: RunRef; run: Run; context: RunContext }) {
  return (
    <dl className="divide-y divide-black/5 text-sm">
      <Fact term="Status">
        <StatusBadge status={run.status} />
      </Fact>
      <Fact term={runRef.kind === "technique" ? "Technique" : "Model"}>
        {context.title}
        {context.modelId && context.modelId !== context.title && <span className="text-muted"> ({context.modelId})</span>}
      </Fact>
      <Fact term="Workspace">{named(context.workspace)}</Fact>
      <Fact term="Project">{named(context.project)}</Fact>
      <Fact term="Created">
        <RunTime at={run.created_at} />
      </Fact>
      <Fact term="Started">
        <RunTime at={run.started_at} />
      </Fact>
      <Fact term="Completed">
        <RunTime at={run.completed_at} />
      </Fact>
      <Fact term="Duration">{formatDuration(run.started_at ?? run.created_at, run.completed_at) || <span className="text-muted">—</span>}</Fact>
      <Fact term="Cost">{formatCost(run.charged_cost)}</Fact>
      <Fact term="Run id">
        <code className="text-xs">{run.run_id}</code>
      </Fact>
    </dl>
  );
}
