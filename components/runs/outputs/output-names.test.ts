import { describe, expect, it } from "vitest";
import { outputNames, type DeclaredOutput } from "@/components/runs/outputs/output-names";
import type { OutputType, RunOutput } from "@/lib/flora/wire";

const out = (type: OutputType, id = Math.random().toString(36).slice(2)): RunOutput => ({ output_id: `out_${id}`, type, url: "https://m.example/x" });

const BRAND_KIT: DeclaredOutput[] = [
  { id: "palette", name: "Palette", type: "imageUrl" },
  { id: "guidelines", name: "Guidelines", type: "documentUrl" },
  { id: "copy", name: "Sample copy", type: "text" },
];

describe("outputNames", () => {
  it("names a generation's outputs by kind and position", () => {
    expect(outputNames([out("imageUrl"), out("videoUrl")], null)).toEqual(["image output 1", "video output 2"]);
  });

  it("gives a technique's outputs their declared names, in order and by type", () => {
    expect(outputNames([out("imageUrl"), out("documentUrl"), out("text")], BRAND_KIT)).toEqual(["Palette", "Guidelines", "Sample copy"]);
  });

  it("skips an optional declared output the run did not produce", () => {
    const declared: DeclaredOutput[] = [
      { id: "hero", name: "Hero shot", type: "imageUrl" },
      { id: "alt", name: "Alternate angle", type: "imageUrl", optional: true },
      { id: "notes", name: "Notes", type: "text" },
    ];
    expect(outputNames([out("imageUrl"), out("text")], declared)).toEqual(["Hero shot", "Notes"]);
  });

  it("numbers the outputs of an allow_multiple declaration", () => {
    const declared: DeclaredOutput[] = [{ id: "frames", name: "Frame", type: "imageUrl", allow_multiple: true }, { id: "clip", name: "Clip", type: "videoUrl" }];
    expect(outputNames([out("imageUrl"), out("imageUrl"), out("videoUrl")], declared)).toEqual(["Frame 1", "Frame 2", "Clip"]);
  });

  it("prefers a declared id that matches the output id, and falls back to the generic name when nothing fits", () => {
    expect(outputNames([out("text", "x"), { ...out("imageUrl"), output_id: "palette" }], BRAND_KIT)).toEqual(["Sample copy", "Palette"]);
    expect(outputNames([out("imageUrl"), out("audioUrl")], BRAND_KIT)).toEqual(["Palette", "audio output 2"]);
  });
});
