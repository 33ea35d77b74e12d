import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/session";
import { UpstreamProblem } from "@/components/runs/upstream-problem";
import { listModels } from "@/lib/flora/reads";
import type { GenerationType, Model } from "@/lib/flora/schemas";
import { describeError, log } from "@/lib/log";

export const metadata: Metadata = { title: "New generation" };
export const dynamic = "force-dynamic";

const TYPE_HEADINGS: Record<GenerationType, string> = {
  image: "Image models",
  video: "Video models",
  audio: "Audio models",
  text: "Text models",
};

/** The model catalogue; the launch form (its own issue) is built on top of this page. */
export default async function NewGenerationPage() {
  await requirePageUser();
  const models = await listModels().catch((error: unknown) => {
    log.error("new generation page: model list failed", describeError(error));
    return null;
  });

  return (
    <section aria-labelledby="new-heading" className="space-y-6">
      <div>
        <h1 id="new-heading" className="text-2xl font-semibold">
          New generation
        </h1>
        <p className="mt-1 text-muted">The models your team&apos;s FLORA key can use, with their estimated cost and time.</p>
      </div>
      {models === null ? (
        <UpstreamProblem what="the model catalogue" />
      ) : (
        (Object.keys(TYPE_HEADINGS) as GenerationType[]).map((type) => (
          <ModelGroup key={type} heading={TYPE_HEADINGS[type]} models={models.filter((m) => m.type === type)} />
        ))
      )}
    </section>
  );
}

function ModelGroup({ heading, models }: { heading: string; models: Model[] }) {
  if (models.length === 0) return null;
  return (
    <section aria-label={heading}>
      <h2 className="mb-2 text-lg font-medium">{heading}</h2>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {models.map((model) => (
          <li key={model.model_id} className="rounded-lg border border-black/10 bg-white p-3">
            <div className="flex items-center gap-2">
              <span className="font-medium">{model.name}</span>
              {model.beta && <span className="rounded bg-amber-100 px-1.5 text-xs text-amber-900">Beta</span>}
            </div>
            <div className="text-sm text-muted">{model.provider}</div>
            <div className="mt-1 text-xs text-muted">
              about {model.estimated_credits} credits · about {model.estimated_seconds} s · {model.params.length}{" "}
              parameters
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
