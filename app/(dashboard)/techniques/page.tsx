import type { Metadata } from "next";
import { UpstreamProblem } from "@/components/runs/upstream-problem";
import { TechniqueCatalogue } from "@/components/techniques/technique-catalogue";
import { requirePageUser } from "@/lib/auth/session";
import { listTechniques } from "@/lib/flora/reads";
import type { Technique } from "@/lib/flora/schemas";
import { describeError, log } from "@/lib/log";

export const metadata: Metadata = { title: "Techniques" };
export const dynamic = "force-dynamic";

const MAX_PAGES = 10;

async function allTechniques(): Promise<Technique[]> {
  const techniques: Technique[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const answer = await listTechniques({ limit: 100, cursor });
    techniques.push(...answer.techniques);
    cursor = answer.meta.next_cursor ?? undefined;
    if (!cursor) break;
  }
  return techniques;
}

export default async function TechniquesPage() {
  await requirePageUser();
  const techniques = await allTechniques().catch((error: unknown) => {
    log.error("techniques page: list failed", describeError(error));
    return null;
  });
  return (
    <section aria-labelledby="page-heading" className="space-y-4">
      <div>
        <h1 id="page-heading" className="text-2xl font-semibold">
          Techniques
        </h1>
        <p className="mt-1 text-muted">Reusable FLORA workflows: give them inputs, get their outputs.</p>
      </div>
      {techniques === null ? (
        <UpstreamProblem what="the techniques" />
      ) : (
        <TechniqueCatalogue
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
