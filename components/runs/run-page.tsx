import type { Metadata } from "next";
import { headers } from "next/headers";
import { RunDetailView } from "@/components/runs/detail/run-detail-view";
import type { DeclaredOutput } from "@/components/runs/outputs/output-names";
import { canLaunch } from "@/lib/auth/roles";
import { signInPathFor } from "@/lib/auth/callback-url";
import type { User } from "@/lib/db/schema";
import { loadTechnique } from "@/lib/flora/reads";
import { runStatusLabels } from "@/lib/flora/wire";
import { runHref } from "@/lib/history/history-run";
import { describeError, log } from "@/lib/log";
import { backToHistoryHref } from "@/lib/runs/back-to-history";
import { loadRunPage } from "@/lib/runs/load-run-page";
import { runAgainHref, type RunRef } from "@/lib/runs/run-ref";

/** The tab's title carries the status, so a glance at the tab bar says how the run is doing. */
export async function runPageMetadata(runId: string, techniqueId: string | null): Promise<Metadata> {
  const data = await loadRunPage(runId, techniqueId);
  return { title: data.initialRun ? `${runStatusLabels[data.initialRun.status]} · ${data.context.title}` : data.context.title };
}

/** A technique's declared outputs name its run's outputs; without them the names stay generic. */
async function declaredOutputs(ref: RunRef): Promise<DeclaredOutput[] | null> {
  if (ref.kind !== "technique" || !ref.techniqueId) return null;
  try {
    const { outputs } = await loadTechnique(ref.techniqueId);
    return outputs.map(({ id, name, type, optional, allow_multiple }) => ({ id, name, type, optional, allow_multiple }));
  } catch (error) {
    log.warn("run page: technique outputs unavailable", describeError(error));
    return null;
  }
}

/**
 * The server half of a run page: the first render has the run, the browser keeps it live.
 * `from` (the page's query) or else the Referer says which filtered history to go back to.
 */
export async function RunPageBody({
  user,
  runId,
  techniqueId,
  from,
}: {
  user: User;
  runId: string;
  techniqueId: string | null;
  from?: string | string[];
}) {
  const data = await loadRunPage(runId, techniqueId);
  const [outputs, requestHeaders] = await Promise.all([declaredOutputs(data.runRef), headers()]);
  const launcher = canLaunch(user.role);
  return (
    <RunDetailView
      {...data}
      declaredOutputs={outputs}
      canUseAsInput={launcher}
      backHref={backToHistoryHref(data.runRef, from, requestHeaders.get("referer"))}
      runAgainHref={data.context.launch && launcher ? runAgainHref(data.runRef) : null}
      signInHref={signInPathFor(runHref(data.runRef))}
    />
  );
}
