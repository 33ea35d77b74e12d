import type { Metadata } from "next";
import { RunDetailView } from "@/components/runs/detail/run-detail-view";
import { canLaunch } from "@/lib/auth/roles";
import { signInPathFor } from "@/lib/auth/callback-url";
import type { User } from "@/lib/db/schema";
import { runStatusLabels } from "@/lib/flora/run-status";
import { runHref } from "@/lib/history/history-run";
import { loadRunPage } from "@/lib/runs/load-run-page";
import { runAgainHref } from "@/lib/runs/run-ref";

/** The tab's title carries the status, so a glance at the tab bar says how the run is doing. */
export async function runPageMetadata(runId: string, techniqueId: string | null): Promise<Metadata> {
  const data = await loadRunPage(runId, techniqueId);
  return { title: data.initialRun ? `${runStatusLabels[data.initialRun.status]} · ${data.context.title}` : data.context.title };
}

/** The server half of a run page: the first render has the run, the browser keeps it live. */
export async function RunPageBody({ user, runId, techniqueId }: { user: User; runId: string; techniqueId: string | null }) {
  const data = await loadRunPage(runId, techniqueId);
  return (
    <RunDetailView
      {...data}
      runAgainHref={data.context.launch && canLaunch(user.role) ? runAgainHref(data.runRef) : null}
      signInHref={signInPathFor(runHref(data.runRef))}
    />
  );
}
