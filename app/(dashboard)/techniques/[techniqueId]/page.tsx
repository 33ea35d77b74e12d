import type { Metadata } from "next";
import { AppLink } from "@/components/ui/app-link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { TechniqueForm } from "@/components/launch/technique-form";
import { UpstreamProblem } from "@/components/runs/upstream-problem";
import { canLaunch } from "@/lib/auth/roles";
import { nearCapFor } from "@/lib/budgets/near-cap";
import { requirePageUser } from "@/lib/auth/session";
import { loadDirectory, loadTechnique } from "@/lib/flora/reads";
import type { Technique } from "@/lib/flora/schemas";
import { techniqueIdSchema } from "@/lib/flora/request-schemas";
import { isUpstreamNotFound } from "@/lib/flora/call-policy";
import { recordedLaunch, recordedParams } from "@/lib/launches/prefill";
import { placeChoicesOf } from "@/lib/launches/place-choices";
import { describeError, log } from "@/lib/log";
import { parseUseInput } from "@/lib/params/use-input";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ techniqueId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The technique, or null when FLORA could not be read; a 404 for ids FLORA does not know. */
const techniqueFor = cache(async (techniqueId: string): Promise<Technique | null> => {
  const id = techniqueIdSchema.safeParse(techniqueId);
  if (!id.success) notFound();
  try {
    return await loadTechnique(id.data);
  } catch (error) {
    if (isUpstreamNotFound(error)) notFound();
    log.error("technique page: technique failed", describeError(error));
    return null;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const technique = await techniqueFor((await params).techniqueId);
  return { title: technique?.name ?? "Technique" };
}

const TYPE_NAMES: Record<string, string> = { text: "text", imageUrl: "image", videoUrl: "video", audioUrl: "audio", documentUrl: "document" };

export default async function TechniquePage({ params, searchParams }: Props) {
  const user = await requirePageUser();
  const technique = await techniqueFor((await params).techniqueId);
  if (!technique) return <UpstreamProblem what="this technique" />;
  const search = await searchParams;
  const use = parseUseInput(search);
  const [again, directory, budgetCap] = await Promise.all([
    recordedLaunch(search.again, "technique"),
    loadDirectory().catch((error: unknown) => {
      log.error("technique page: workspaces and projects failed", describeError(error));
      return null;
    }),
    canLaunch(user.role) ? nearCapFor(user.id) : null,
  ]);
  const sameTechnique = again && again.technique_id === technique.technique_id ? again : null;
  const recordedInputs = sameTechnique ? recordedParams(sameTechnique) : null;
  const recordedPlace = sameTechnique?.workspace_id && sameTechnique.project_id ? { workspaceId: sameTechnique.workspace_id, projectId: sameTechnique.project_id } : null;
  return (
    <section aria-labelledby="page-heading" className="space-y-6">
      <div>
        <p className="text-sm">
          <AppLink href="/techniques" className="text-accent underline">
            Techniques
          </AppLink>
        </p>
        <h1 id="page-heading" className="text-2xl font-semibold">
          {technique.name}
        </h1>
        {technique.description && <p className="mt-1 max-w-3xl">{technique.description}</p>}
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        {(
          [
            ["Inputs", technique.inputs],
            ["Outputs", technique.outputs],
          ] as const
        ).map(([heading, items]) => (
          <section key={heading} aria-label={heading} className="rounded-lg bg-white p-4 shadow-sm">
            <h2 className="font-semibold">{heading}</h2>
            <ul className="mt-2 space-y-1 text-sm">
              {items.map((item) => (
                <li key={item.id} className="break-words">
                  <span className="font-medium">{item.name}</span> <span className="text-muted">({TYPE_NAMES[item.type] ?? item.type}{"optional" in item && item.optional ? ", optional" : ""}{"allow_multiple" in item && item.allow_multiple ? ", several allowed" : ""})</span>
                  {item.description && <span className="block text-muted">{item.description}</span>}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      <section aria-labelledby="run-heading" className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
        <h2 id="run-heading" className="text-lg font-semibold">
          Run it
        </h2>
        {recordedInputs !== null && <p className="text-sm text-muted">Filled in from the run you chose: change anything, then run.</p>}
        {use && recordedInputs === null && <p className="text-sm text-muted">The {use.type ?? "output"} you chose fills the first input that takes one.</p>}
        {directory === null ? (
          <UpstreamProblem what="the workspaces and projects" />
        ) : (
          <TechniqueForm
            technique={technique}
            recordedInputs={recordedInputs}
            recordedPlace={recordedPlace}
            choices={placeChoicesOf(directory)}
            use={use}
            readOnly={!canLaunch(user.role)}
            budgetCap={budgetCap}
          />
        )}
      </section>
    </section>
  );
}
