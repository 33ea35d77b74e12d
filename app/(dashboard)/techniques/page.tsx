import type { Metadata } from "next";
import { UpstreamProblem } from "@/components/runs/upstream-problem";
import { TechniqueCatalogue } from "@/components/techniques/technique-catalogue";
import { requirePageUser } from "@/lib/auth/session";
import { listAllTechniques } from "@/lib/flora/reads";
import { describeError, log } from "@/lib/log";
import { parseUseInput, queryForUse } from "@/lib/params/use-input";

export const metadata: Metadata = { title: "Techniques" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The catalogue; `?use=<url>&use_type=…` (an output to use as input) is carried into each technique's link. */
export default async function TechniquesPage({ searchParams }: Props) {
  await requirePageUser();
  const use = parseUseInput(await searchParams);
  const techniques = await listAllTechniques().catch((error: unknown) => {
    log.error("techniques page: list failed", describeError(error));
    return null;
  });
  return (
    <section aria-labelledby="page-heading" className="space-y-4">
      <div>
        <h1 id="page-heading" className="text-2xl font-semibold">
          Techniques
        </h1>
        <p className="mt-1 text-muted">
          {use ? `Choose a technique to run on the ${use.type ?? "output"} you chose.` : "Reusable FLORA workflows: give them inputs, get their outputs."}
        </p>
      </div>
      {techniques === null ? (
        <UpstreamProblem what="the techniques" />
      ) : (
        <TechniqueCatalogue
          linkQuery={queryForUse(use)}
          techniques={techniques.map((technique) => ({
            id: technique.technique_id,
            name: technique.name,
            description: technique.description ?? null,
            runCost: technique.run_cost,
            inputs: technique.inputs.map((input) => input.name),
            outputs: technique.outputs.map((output) => output.name),
          }))}
        />
      )}
    </section>
  );
}
