import { FieldGroup } from "@/components/forms/field";
import type { GenerationType, Model } from "@/lib/flora/wire";
import { creditsToUsd, formatCredits, formatUsd, plural } from "@/lib/money";

export const TYPE_LABELS: Record<GenerationType, string> = { image: "Image", video: "Video", audio: "Audio", text: "Text" };

export function TypePicker({ value, onChange, disabled }: { value: GenerationType; onChange: (type: GenerationType) => void; disabled: boolean }) {
  return (
    <FieldGroup legend="Type">
      <div className="flex flex-wrap gap-2">
        {(Object.keys(TYPE_LABELS) as GenerationType[]).map((type) => (
          <label key={type} className="flex cursor-pointer items-center gap-2 rounded-md border border-black/15 bg-white px-3 py-1.5 text-sm has-[:checked]:border-accent has-[:checked]:bg-accent-soft">
            <input type="radio" name="type" value={type} checked={value === type} disabled={disabled} onChange={() => onChange(type)} />
            {TYPE_LABELS[type]}
          </label>
        ))}
      </div>
    </FieldGroup>
  );
}

/** The models of the chosen type, as GET /models describes them. */
export function ModelPicker({ models, value, onChange, disabled, error }: { models: Model[]; value: string; onChange: (modelId: string) => void; disabled: boolean; error?: string }) {
  if (models.length === 0) return <p className="text-sm text-muted">FLORA lists no models of this type.</p>;
  return (
    <FieldGroup legend="Model" error={error}>
      <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
        {models.map((model) => (
          <label
            key={model.model_id}
            className="flex min-w-0 cursor-pointer gap-2 rounded-lg border border-black/15 bg-white p-3 has-[:checked]:border-accent has-[:checked]:ring-1 has-[:checked]:ring-accent"
          >
            <input type="radio" name="model" value={model.model_id} checked={value === model.model_id} disabled={disabled} onChange={() => onChange(model.model_id)} className="mt-1" />
            <span className="min-w-0">
              <span className="flex items-center gap-2 font-medium">
                {model.name}
                {model.beta && <span className="rounded bg-amber-100 px-1.5 text-xs font-normal text-amber-900">Beta</span>}
              </span>
              <span className="block text-sm text-muted">{model.provider}</span>
              <span className="block text-xs text-muted">
                about {formatUsd(creditsToUsd(model.estimated_credits))} ({formatCredits(model.estimated_credits)}) per output · about {plural(model.estimated_seconds, "second")}
              </span>
            </span>
          </label>
        ))}
      </div>
    </FieldGroup>
  );
}
