import type { Metadata } from "next";
import { GenerationForm } from "@/components/launch/generation-form";
import { UpstreamProblem } from "@/components/runs/upstream-problem";
import { canLaunch } from "@/lib/auth/roles";
import { nearCapFor } from "@/lib/budgets/near-cap";
import { requirePageUser } from "@/lib/auth/session";
import { loadDirectory, loadModels } from "@/lib/flora/reads";
import { MAX_PROMPT_LENGTH } from "@/lib/flora/request-schemas";
import { generationPrefill, recordedLaunch } from "@/lib/launches/prefill";
import { placeChoicesOf } from "@/lib/launches/place-choices";
import { describeError, log } from "@/lib/log";
import { parseUseInput } from "@/lib/params/use-input";

export const metadata: Metadata = { title: "New generation" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The generation form; `?again=<runId>` fills it from that run's launch record, and
 * `?use=<url>&use_type=image|video` puts an output into the model's first URL param.
 */
export default async function NewGenerationPage({ searchParams }: Props) {
  const user = await requirePageUser();
  const search = await searchParams;
  const use = parseUseInput(search);
  const [catalogue, again, budgetCap] = await Promise.all([
    Promise.all([loadModels(), loadDirectory()]).catch((error: unknown) => {
      log.error("new generation page: catalogue failed", describeError(error));
      return null;
    }),
    recordedLaunch(search.again, "generation"),
    canLaunch(user.role) ? nearCapFor(user.id) : null,
  ]);

  return (
    <section aria-labelledby="page-heading" className="space-y-6">
      <div>
        <h1 id="page-heading" className="text-2xl font-semibold">
          New generation
        </h1>
        <p className="mt-1 text-muted">
          {again
            ? "Filled in from the run you chose: change anything, then launch."
            : use
              ? `Using the ${use.type ?? "output"} you chose as an input: pick a model, write the prompt, and launch.`
              : "Choose a type and a model, write the prompt, and set the model's parameters if you need to."}
        </p>
      </div>
      {catalogue === null ? (
        <UpstreamProblem what="the models and projects" />
      ) : (
        <GenerationForm
          models={catalogue[0]}
          choices={placeChoicesOf(catalogue[1])}
          prefill={again ? generationPrefill(again) : null}
          use={use}
          readOnly={!canLaunch(user.role)}
          maxPromptLength={MAX_PROMPT_LENGTH}
          budgetCap={budgetCap}
        />
      )}
    </section>
  );
}
