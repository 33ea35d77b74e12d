import type { Model } from "@/lib/flora/wire";
import { estimateLaunch } from "@/lib/params/launch-estimate";
import { formatCredits, formatUsd, plural } from "@/lib/money";

/** "num_images" → "image"; other counts are outputs. */
const nounOf = (name: string) => (/^num_[a-z]+s$/.test(name) ? name.slice(4, -1) : "output");

/** The launch's estimate in dollars (credits secondary), times its count param, said to be approximate. */
export function GenerationEstimate({ model, params }: { model: Model; params: Record<string, unknown> }) {
  const estimate = estimateLaunch(model, params);
  return (
    <>
      <p>
        Estimate: about <strong>{formatUsd(estimate.usd)}</strong> <span className="text-muted">({formatCredits(estimate.credits)})</span>
        <span className="text-muted"> · about {plural(model.estimated_seconds, "second")}</span>
      </p>
      <p className="text-xs text-muted">
        {estimate.count && estimate.count.value !== 1
          ? `${plural(estimate.count.value, nounOf(estimate.count.name))} × ${formatUsd(estimate.unitUsd)} (${formatCredits(estimate.unitCredits)}) each. `
          : ""}
        {/* "about" already says it on a phone, where the footer must stay small. */}
        <span className="max-sm:sr-only">Approximate: FLORA&apos;s figures for {model.name}; the run page shows what was charged.</span>
        {estimate.caveats.map((caveat) => ` ${caveat}`)}
      </p>
    </>
  );
}
