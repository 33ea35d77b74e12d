"use client";

import { useEffect } from "react";
import { BackToHistoryLink } from "@/components/runs/detail/back-to-history-link";
import { LaunchParams, LaunchSummary } from "@/components/runs/detail/launch-summary";
import { RunDetails } from "@/components/runs/detail/run-details";
import { NotifyControl, RunActions } from "@/components/runs/detail/run-actions";
import { RunHeading } from "@/components/runs/detail/run-heading";
import { RunProblem } from "@/components/runs/detail/run-problem";
import { useEndNotification, useNotificationPermission } from "@/components/runs/detail/use-end-notification";
import { useRunWatch } from "@/components/runs/detail/use-run-watch";
import { OutputGallery } from "@/components/runs/outputs/output-gallery";
import type { DeclaredOutput } from "@/components/runs/outputs/output-names";
import { isActiveStatus, runStatusLabels } from "@/lib/flora/wire";
import type { Run } from "@/lib/flora/wire";
import { DashboardApiError } from "@/lib/queries/fetch-json";
import type { RunContext, RunRef } from "@/lib/runs/run-ref";

/** A failure the server met while rendering, in a form that crosses to the browser. */
export interface InitialProblem {
  status: number;
  code: string;
  message: string;
  retryAfterMs: number | null;
}

export interface RunDetailProps {
  runRef: RunRef;
  pollPath: string;
  initialRun: Run | null;
  initialProblem: InitialProblem | null;
  context: RunContext;
  renderedAt: number;
  runAgainHref: string | null;
  signInHref: string;
  /** The history to go back to, its filters kept. */
  backHref: string;
  /** A technique's declared outputs, which name its run's outputs; null for generations. */
  declaredOutputs: DeclaredOutput[] | null;
  /** Members and admins may launch, so their outputs offer "Use as input". */
  canUseAsInput: boolean;
  /** Outputs the archive holds, shown from there (lib/archive). */
  archivedOutputIds: string[];
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="min-w-0 space-y-3 rounded-lg bg-white p-3 shadow-sm sm:p-4">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * The run page: what was asked under the title, live status, outputs, and the details with
 * the params beside them.
 */
export function RunDetailView(props: RunDetailProps) {
  const { runRef, context } = props;
  const { permission, request } = useNotificationPermission();
  const watch = useRunWatch({
    pollPath: props.pollPath,
    initialRun: props.initialRun,
    renderedAt: props.renderedAt,
    estimatedSeconds: context.estimatedSeconds,
    pollInBackground: permission === "granted",
  });
  const { run } = watch;
  useEndNotification(run?.status, context.title, runRef.runId);
  // The title follows the status, not every poll's new run object.
  const status = run?.status;
  useEffect(() => {
    if (status) document.title = `${runStatusLabels[status]} · ${context.title} · Atelier`;
  }, [status, context.title]);

  const failure =
    watch.failure ??
    (run === null && props.initialProblem && watch.isLoading
      ? new DashboardApiError(props.initialProblem.status, props.initialProblem.code, props.initialProblem.message, props.initialProblem.retryAfterMs)
      : null);
  const active = isActiveStatus(run?.status);
  const outputs = run?.status === "completed" ? (run.outputs ?? []) : [];

  return (
    <article aria-labelledby="page-heading" className="min-w-0 space-y-5">
      <BackToHistoryLink href={props.backHref} />
      <RunHeading run={run} title={context.title} renderedAt={props.renderedAt}>
        <LaunchSummary launch={context.launch} />
      </RunHeading>
      {failure !== null && (
        <RunProblem failure={failure} retryAt={watch.retryAt} retrying={!watch.isGivenUp} onRetry={watch.retryNow} signInHref={props.signInHref} />
      )}
      {run === null && failure === null && <p aria-busy="true">Loading the run…</p>}
      {run && (
        <>
          <RunActions
            runRef={runRef}
            runAgainHref={props.runAgainHref}
            hasOutputs={outputs.length > 0}
            canShare={props.canUseAsInput}
            notify={active ? <NotifyControl permission={permission} onRequest={() => void request()} /> : null}
          />
          {run.status === "failed" && (
            <div role="alert" className="rounded-lg border border-rose-200 bg-rose-50 p-4 text-rose-900 [overflow-wrap:anywhere]">
              <p className="font-medium">
                The run failed: <code data-testid="run-error-code">{run.error_code ?? "unknown_error"}</code>
              </p>
              <p className="mt-1 text-sm" data-testid="run-error-message">
                {run.error_message ?? "FLORA gave no reason."}
              </p>
            </div>
          )}
          <Section id="outputs-heading" title="Outputs">
            {outputs.length > 0 ? (
              <OutputGallery runRef={runRef} outputs={outputs} declared={props.declaredOutputs} canUseAsInput={props.canUseAsInput} archivedOutputIds={props.archivedOutputIds} />
            ) : (
              <p className="text-sm text-muted">
                {active ? "Outputs appear here when the run completes." : run.status === "failed" ? "A failed run has no outputs." : "This run has no outputs."}
              </p>
            )}
          </Section>
          <div className={`grid gap-5 ${context.launch ? "lg:grid-cols-2" : ""}`}>
            <Section id="details-heading" title="Details">
              <RunDetails runRef={runRef} run={run} context={context} />
            </Section>
            {context.launch && (
              <Section id="params-heading" title={context.launch.kind === "technique" ? "Inputs" : "Params"}>
                <LaunchParams launch={context.launch} />
              </Section>
            )}
          </div>
        </>
      )}
    </article>
  );
}
