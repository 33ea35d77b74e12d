import { describe, expect, it } from "vitest";
import type { ModelParam } from "@/lib/flora/schemas";
import { estimateLaunch } from "@/lib/params/launch-estimate";

const FLUX = {
  estimated_credits: 8,
  params: [{ name: "num_images", type: "int", required: false, default: 1, min: 1, max: 4, label: "Images" }] as ModelParam[],
};
const VEO = { estimated_credits: 150, params: [{ name: "duration", type: "int", required: false, default: 8, min: 4, max: 8 }] as ModelParam[] };

describe("estimateLaunch", () => {
  it("multiplies the per-output figure by the count param", () => {
    expect(estimateLaunch(FLUX, { num_images: 4 })).toMatchObject({ credits: 32, usd: 0.32, unitCredits: 8, unitUsd: 0.08, count: { name: "num_images", value: 4 } });
  });

  it("takes the count's default when it is not sent, and never less than one", () => {
    expect(estimateLaunch(FLUX, {})).toMatchObject({ credits: 8, usd: 0.08, count: { value: 1 } });
    expect(estimateLaunch({ ...FLUX, params: [{ ...FLUX.params[0]!, default: 2 }] }, {}).credits).toBe(16);
    expect(estimateLaunch(FLUX, { num_images: 0 }).credits).toBe(8);
    expect(estimateLaunch(FLUX, { num_images: Number.NaN }).credits).toBe(8);
  });

  it("does not multiply by a duration the catalogue does not price, but says so when it differs", () => {
    expect(estimateLaunch(VEO, { duration: 8 })).toMatchObject({ credits: 150, count: null, caveats: [] });
    const shorter = estimateLaunch(VEO, { duration: 4 });
    expect(shorter.credits).toBe(150);
    expect(shorter.caveats[0]).toContain("default duration (8 s)");
  });
});
