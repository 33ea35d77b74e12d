import { StatusBadge } from "@/components/runs/status-badge";
import type { Run } from "@/lib/flora/schemas";
import { formatAbsoluteTime, formatCost, formatDuration } from "@/lib/format";
import type { RunContext, RunRef } from "@/lib/runs/run-ref";

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[9rem_1fr] gap-2 py-1.5">
      <dt className="text-muted">{term}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

const Time = ({ at }: { at: number | null | undefined }) =>
  at == null ? <span className="text-muted">—</span> : <time dateTime={new Date(at).toISOString()}>{formatAbsoluteTime(at)}</time>;

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
        <Time at={run.created_at} />
      </Fact>
      <Fact term="Started">
        <Time at={run.started_at} />
      </Fact>
      <Fact term="Completed">
        <Time at={run.completed_at} />
      </Fact>
      <Fact term="Duration">{formatDuration(run.started_at ?? run.created_at, run.completed_at) || <span className="text-muted">—</span>}</Fact>
      <Fact term="Cost">{formatCost(run.charged_cost)}</Fact>
      <Fact term="Run id">
        <code className="text-xs">{run.run_id}</code>
      </Fact>
    </dl>
  );
}

function ParamValue({ value }: { value: unknown }) {
  if (typeof value === "string") return <>{value}</>;
  return <code className="text-xs">{JSON.stringify(value)}</code>;
}

/** From the local store: who launched the run, when, and with which prompt and params. */
export function LaunchRecord({ launch }: { launch: RunContext["launch"] }) {
  if (!launch) {
    return (
      <p className="text-sm text-muted">
        The dashboard did not launch this run, so its prompt and launcher are not known (FLORA does not return them).
      </p>
    );
  }
  const params = Object.entries(launch.params ?? {});
  return (
    <dl className="divide-y divide-black/5 text-sm">
      <Fact term="Launched by">{launch.launchedBy}</Fact>
      <Fact term="Launched">
        <Time at={launch.launchedAt} />
      </Fact>
      {launch.type && <Fact term="Type">{launch.type}</Fact>}
      <Fact term={launch.kind === "technique" ? "Text input" : "Prompt"}>
        {launch.prompt ? (
          <p className="whitespace-pre-wrap" data-testid="launch-prompt">
            {launch.prompt}
          </p>
        ) : (
          <span className="text-muted">None</span>
        )}
      </Fact>
      <Fact term={launch.kind === "technique" ? "Inputs" : "Params"}>
        {params.length === 0 ? (
          <span className="text-muted">{launch.kind === "technique" ? "None" : "Model defaults"}</span>
        ) : (
          <dl className="space-y-0.5">
            {params.map(([name, value]) => (
              <div key={name} className="flex gap-2">
                <dt className="font-mono text-xs text-muted">{name}</dt>
                <dd>
                  <ParamValue value={value} />
                </dd>
              </div>
            ))}
          </dl>
        )}
      </Fact>
    </dl>
  );
}
