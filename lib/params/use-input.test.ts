import { describe, expect, it } from "vitest";
import type { ModelParam, Technique } from "@/lib/flora/schemas";
import { applyUseToDraft, applyUseToInputs, parseUseInput, queryForUse, targetParamForUse } from "@/lib/params/use-input";

const p = (name: string, type: ModelParam["type"] = "string", extra: Partial<ModelParam> = {}): ModelParam => ({ name, type, required: false, ...extra });

describe("use as input", () => {
  it("takes one http(s) URL and an image or video type, and ignores anything else", () => {
    expect(parseUseInput({ use: "https://m.example/a.png", use_type: "image" })).toEqual({ url: "https://m.example/a.png", type: "image" });
    expect(parseUseInput({ use: "https://m.example/a.webm", use_type: "audio" })).toEqual({ url: "https://m.example/a.webm", type: null });
    expect(parseUseInput({ use: "javascript:alert(1)", use_type: "image" })).toBeNull();
    expect(parseUseInput({ use: ["https://a.example/1.png", "https://a.example/2.png"] })).toBeNull();
    expect(parseUseInput({})).toBeNull();
    expect(queryForUse({ url: "https://m.example/a b.png", type: "video" })).toBe("?use=https%3A%2F%2Fm.example%2Fa+b.png&use_type=video");
    expect(queryForUse(null)).toBe("");
  });

  it("fills the model's first URL param of the type, else its first URL param", () => {
    const params = [p("prompt_strength", "float"), p("mask_url"), p("image_urls", "string[]"), p("video_url")];
    expect(targetParamForUse(params, "image")?.name).toBe("image_urls");
    expect(targetParamForUse(params, "video")?.name).toBe("video_url");
    expect(targetParamForUse([p("start_image_url"), p("end_image_url")], "video")?.name).toBe("start_image_url");
    expect(targetParamForUse(params, null)?.name).toBe("mask_url");
    // An option list is not a free URL.
    expect(targetParamForUse([p("style_url", "string", { options: [{ value: "a", label: "A" }] })], "image")).toBeUndefined();
    expect(applyUseToDraft(params, { image_urls: ["https://x.example/1.png"] }, { url: "https://m.example/a.png", type: "image" })).toEqual({
      image_urls: ["https://x.example/1.png", "https://m.example/a.png"],
    });
    expect(applyUseToDraft([p("image_url")], { image_url: "" }, { url: "https://m.example/a.png", type: "image" })).toEqual({ image_url: "https://m.example/a.png" });
  });

  it("fills a technique's first input of the type", () => {
    const technique: Technique = {
      technique_id: "tech_x",
      name: "X",
      run_cost: 1,
      inputs: [
        { id: "brief", name: "Brief", type: "text" },
        { id: "clip", name: "Clip", type: "videoUrl" },
        { id: "photo", name: "Photo", type: "imageUrl" },
      ],
      outputs: [],
    };
    const draft = { brief: [""], clip: [""], photo: [""] };
    expect(applyUseToInputs(technique, draft, { url: "https://m.example/a.png", type: "image" })).toEqual({ ...draft, photo: ["https://m.example/a.png"] });
    expect(applyUseToInputs(technique, draft, { url: "https://m.example/a.webm", type: "video" })).toEqual({ ...draft, clip: ["https://m.example/a.webm"] });
    expect(applyUseToInputs(technique, draft, null)).toBe(draft);
  });
});
