import { describe, expect, it } from "vitest";
import type { Technique } from "@/lib/flora/schemas";
import { defaultInputDraft, inputDraftFromRecorded, techniqueInputProblems, toTechniqueInputs } from "@/lib/params/technique-inputs";

const TECHNIQUE: Technique = {
  technique_id: "tech_x",
  name: "Product shot",
  run_cost: 20,
  inputs: [
    { id: "product", name: "Product photo", type: "imageUrl" },
    { id: "brief", name: "Brief", type: "text", optional: true },
    { id: "refs", name: "References", type: "imageUrl", optional: true, allow_multiple: true },
  ],
  outputs: [{ id: "shot", name: "Shot", type: "imageUrl" }],
};

describe("technique inputs", () => {
  it("turn a draft into FLORA's inputs, one entry per value, skipping blanks", () => {
    const draft = { ...defaultInputDraft(TECHNIQUE), product: ["https://x.example/mug.png"], refs: ["https://x.example/a.png", " ", "https://x.example/b.png"] };
    expect(toTechniqueInputs(TECHNIQUE, draft)).toEqual([
      { id: "product", type: "imageUrl", value: "https://x.example/mug.png" },
      { id: "refs", type: "imageUrl", value: "https://x.example/a.png" },
      { id: "refs", type: "imageUrl", value: "https://x.example/b.png" },
    ]);
  });

  it("require what is not optional, and URLs where the type is a URL", () => {
    expect(techniqueInputProblems(TECHNIQUE, [])).toEqual([{ field: "inputs.product", message: "Required." }]);
    expect(techniqueInputProblems(TECHNIQUE, [{ id: "product", type: "imageUrl", value: "javascript:alert(1)" }])).toEqual([
      { field: "inputs.product", message: "Must be an http(s) URL." },
    ]);
    expect(techniqueInputProblems(TECHNIQUE, [{ id: "product", type: "imageUrl", value: "https://x.example/a.png" }])).toEqual([]);
  });

  it("name the value of an input that takes several by its place, so the form can mark that row", () => {
    const url = "https://x.example/a.png";
    expect(
      techniqueInputProblems(TECHNIQUE, [
        { id: "product", type: "imageUrl", value: url },
        { id: "refs", type: "imageUrl", value: url },
        { id: "refs", type: "imageUrl", value: "abc" },
      ]),
    ).toEqual([{ field: "inputs.refs.1", message: "Must be an http(s) URL." }]);
  });

  it("refuse several values where one is allowed, unknown ids and wrong types", () => {
    const url = "https://x.example/a.png";
    expect(
      techniqueInputProblems(TECHNIQUE, [
        { id: "product", type: "imageUrl", value: url },
        { id: "product", type: "imageUrl", value: url },
        { id: "mood", type: "text", value: "calm" },
        { id: "brief", type: "imageUrl", value: url },
      ]),
    ).toEqual([
      { field: "inputs.mood", message: "Not an input of this technique." },
      { field: "inputs.brief", message: "Must be of type text." },
      { field: "inputs.product", message: "Takes one value only." },
    ]);
  });

  it("say so when a required input has a type the API cannot take", () => {
    const audioOnly: Technique = { ...TECHNIQUE, inputs: [{ id: "voice", name: "Voice", type: "audioUrl" }] };
    expect(techniqueInputProblems(audioOnly, [])[0]?.message).toMatch(/cannot take a audioUrl input/);
  });

  it("fill from a recorded launch, grouping repeated ids", () => {
    const recorded = [
      { id: "product", type: "imageUrl", value: "https://x.example/p.png" },
      { id: "refs", type: "imageUrl", value: "https://x.example/1.png" },
      { id: "refs", type: "imageUrl", value: "https://x.example/2.png" },
      { id: "gone", type: "text", value: "dropped" },
    ];
    expect(inputDraftFromRecorded(TECHNIQUE, recorded)).toEqual({
      product: ["https://x.example/p.png"],
      brief: [""],
      refs: ["https://x.example/1.png", "https://x.example/2.png"],
    });
    expect(inputDraftFromRecorded(TECHNIQUE, null)).toEqual(defaultInputDraft(TECHNIQUE));
  });
});
