import type { Metadata } from "next";
import { GenerationForm } from "@/components/launch/generation-form";
import { UpstreamProblem } from "@/components/runs/upstream-problem";
import { canLaunch } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { loadDirectory, loadModels } from "@/lib/flora/reads";
import { MAX_PROMPT_LENGTH } from "@/lib/gateway/request-schemas";
import { generationPrefill, recordedLaunch } from "@/lib/launches/prefill";
import { describeError, log } from "@/lib/log";

export const metadata: Metadata = { title: "New generation" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The generation form; `?again=<runId>` fills it from that run's launch record. */
export default async function NewGenerationPage({ searchParams }: Props) {
  const user = await requirePageUser();
  const [catalogue, again] = await Promise.all([
    Promise.all([loadModels(), loadDirectory()]).catch((error: unknown) => {
      log.error("new generation page: catalogue failed", describeError(error));
      return null;
    }),
    recordedLaunch((await searchParams).again, "generation"),
  ]);

  return (
    <section aria-labelledby="page-heading" className="space-y-6">
      <div>
        <h1 id="page-heading" className="text-2xl font-semibold">
          New generation
        </h1>
        <p className="mt-1 text-muted">
          {again ? "Filled in from the run you chose: change anything, then launch." : "Choose a type and a model, set its parameters, and write the prompt."}
        </p>
      </div>
      {catalogue === null ? (
        <UpstreamProblem what="the models and projects" />
      ) : (
        <GenerationForm
          models={catalogue[0]}
          choices={{
            workspaces: [...catalogue[1].workspaces.values()].map((w) => ({ id: w.workspace_id, name: w.name })),
            projects: [...catalogue[1].projects.values()].map((p) => ({ id: p.project_id, name: p.name, workspaceId: p.workspace_id })),
          }}
          prefill={again ? generationPrefill(again) : null}
          readOnly={!canLaunch(user.role)}
          maxPromptLength={MAX_PROMPT_LENGTH}
        />
      )}
    </section>
  );
}
