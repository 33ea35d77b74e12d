"use client";

import { useEffect } from "react";
import { LaunchRecord, RunDetails } from "@/components/runs/detail/run-details";
import { NotifyControl, RunActions } from "@/components/runs/detail/run-actions";
import { RunHeading } from "@/components/runs/detail/run-heading";
import { RunProblem } from "@/components/runs/detail/run-problem";
import { useEndNotification, useNotificationPermission } from "@/components/runs/detail/use-end-notification";
import { useRunWatch } from "@/components/runs/detail/use-run-watch";
import { OutputGallery } from "@/components/runs/outputs/output-gallery";
import { isActiveStatus, runStatusLabels } from "@/lib/flora/run-status";
import type { Run } from "@/lib/flora/schemas";
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
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The run page: live status, outputs, details and the launch record. */
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
    <article aria-labelledby="page-heading" className="space-y-5">
      <RunHeading run={run} title={context.title} renderedAt={props.renderedAt} />
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
            notify={active ? <NotifyControl permission={permission} onRequest={() => void request()} /> : null}
          />
          {run.status === "failed" && (
            <div role="alert" className="rounded-lg border border-rose-200 bg-rose-50 p-4 text-rose-900">
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
              <OutputGallery runRef={runRef} outputs={outputs} />
            ) : (
              <p className="text-sm text-muted">
                {active ? "Outputs appear here when the run completes." : run.status === "failed" ? "A failed run has no outputs." : "This run has no outputs."}
              </p>
            )}
          </Section>
          <div className="grid gap-5 lg:grid-cols-2">
            <Section id="details-heading" title="Details">
              <RunDetails runRef={runRef} run={run} context={context} />
            </Section>
            <Section id="launch-heading" title="Launch">
              <LaunchRecord launch={context.launch} />
            </Section>
          </div>
        </>
      )}
    </article>
  );
}
