import { describe, expect, it } from "vitest";
import type { ModelParam } from "@/lib/flora/schemas";
import { defaultDraft, draftFromParams, randomSeed, toParams } from "@/lib/params/param-draft";
import { buildParamsSchema, paramProblems } from "@/lib/params/params-schema";

/** One param of each of the eight types GET /models documents. */
const PARAMS: ModelParam[] = [
  { name: "aspect_ratio", type: "string", required: false, default: "1:1", options: [{ value: "1:1", label: "Square" }, { value: "16:9", label: "Wide" }] },
  { name: "negative_prompt", type: "string", required: false },
  { name: "image_url", type: "string", required: true, label: "Start frame" },
  { name: "stop", type: "string[]", required: false },
  { name: "safety", type: "bool", required: false, default: true },
  { name: "num_images", type: "int", required: false, default: 1, min: 1, max: 4 },
  { name: "max_tokens", type: "int?", required: false, default: null, min: 1, max: 300 },
  { name: "seed", type: "seed", required: false, min: 0, max: 4_294_967_295 },
  { name: "guidance", type: "float", required: false, default: 3.5, min: 1, max: 10 },
  { name: "camera", type: "dict", required: false, properties: { pan: { default: 0, min: -10, max: 10 }, zoom: { default: 2, min: -10, max: 10 } } },
  { name: "extra", type: "dict", required: false },
];

const valid = { image_url: "https://example.com/a.png" };
const problemsOf = (values: Record<string, unknown>) => paramProblems(PARAMS, { ...valid, ...values });

describe("buildParamsSchema", () => {
  it("accepts the defaults plus the required param, and nothing at all for optional ones", () => {
    expect(buildParamsSchema(PARAMS).safeParse(toParams(PARAMS, { ...defaultDraft(PARAMS), image_url: valid.image_url })).success).toBe(true);
    expect(problemsOf({})).toEqual([]);
  });

  it("URL params (`*_url`, `*_urls`) take http(s) URLs only, naming the bad entry of a list", () => {
    const urls: ModelParam[] = [
      { name: "image_url", type: "string", required: true },
      { name: "mask_url", type: "string", required: false },
      { name: "image_urls", type: "string[]", required: false },
    ];
    const ok = "https://media.example/a.png";
    expect(paramProblems(urls, { image_url: ok, mask_url: "", image_urls: [ok] })).toEqual([]);
    expect(paramProblems(urls, { image_url: "abc" })).toEqual([{ field: "params.image_url", message: "Must be an http(s) URL." }]);
    expect(paramProblems(urls, { image_url: ok, mask_url: "javascript:alert(1)" })).toEqual([{ field: "params.mask_url", message: "Must be an http(s) URL." }]);
    expect(paramProblems(urls, { image_url: ok, image_urls: [ok, "not a url"] })).toEqual([{ field: "params.image_urls.1", message: "Must be an http(s) URL." }]);
    expect(paramProblems(urls, { image_url: "" })).toEqual([{ field: "params.image_url", message: "Required." }]);
  });

  it("string: options are an enum, free text has a required check", () => {
    expect(problemsOf({ aspect_ratio: "2:1" })).toEqual([{ field: "params.aspect_ratio", message: "Must be one of: 1:1, 16:9." }]);
    expect(paramProblems(PARAMS, { image_url: "" })).toEqual([{ field: "params.image_url", message: "Required." }]);
    expect(paramProblems(PARAMS, {})[0]).toMatchObject({ field: "params.image_url" });
    expect(problemsOf({ negative_prompt: 5 })[0]).toEqual({ field: "params.negative_prompt", message: "Must be text." });
  });

  it("string[]: a list of non-empty text", () => {
    expect(problemsOf({ stop: ["END", "STOP"] })).toEqual([]);
    expect(problemsOf({ stop: "END" })[0]?.field).toBe("params.stop");
    expect(problemsOf({ stop: [""] })[0]).toEqual({ field: "params.stop.0", message: "Entries must not be empty." });
  });

  it("bool: true or false only", () => {
    expect(problemsOf({ safety: false })).toEqual([]);
    expect(problemsOf({ safety: "yes" })).toEqual([{ field: "params.safety", message: "Must be on or off." }]);
  });

  it("int: whole numbers within min and max", () => {
    expect(problemsOf({ num_images: 4 })).toEqual([]);
    expect(problemsOf({ num_images: 5 })).toEqual([{ field: "params.num_images", message: "Must be at most 4." }]);
    expect(problemsOf({ num_images: 0 })).toEqual([{ field: "params.num_images", message: "Must be at least 1." }]);
    expect(problemsOf({ num_images: 1.5 })).toEqual([{ field: "params.num_images", message: "Must be a whole number." }]);
    expect(problemsOf({ num_images: Number.NaN })).toEqual([{ field: "params.num_images", message: "Must be a whole number." }]);
  });

  it("int?: like int, or null", () => {
    expect(problemsOf({ max_tokens: null })).toEqual([]);
    expect(problemsOf({ max_tokens: 301 })).toEqual([{ field: "params.max_tokens", message: "Must be at most 300." }]);
  });

  it("seed: an unsigned 32-bit whole number", () => {
    expect(problemsOf({ seed: 4_294_967_295 })).toEqual([]);
    expect(problemsOf({ seed: -1 })).toEqual([{ field: "params.seed", message: "Must be at least 0." }]);
  });

  it("float: any number within min and max", () => {
    expect(problemsOf({ guidance: 7.25 })).toEqual([]);
    expect(problemsOf({ guidance: 0.5 })).toEqual([{ field: "params.guidance", message: "Must be at least 1." }]);
  });

  it("dict: declared properties are bounded numbers; free dicts take text, numbers or booleans", () => {
    expect(problemsOf({ camera: { pan: -10, zoom: 10 } })).toEqual([]);
    expect(problemsOf({ camera: { pan: 11 } })).toEqual([{ field: "params.camera.pan", message: "Must be at most 10." }]);
    expect(problemsOf({ camera: { roll: 1 } })[0]?.field).toBe("params.camera");
    expect(problemsOf({ extra: { style: "noir", strength: 2, on: true } })).toEqual([]);
    expect(problemsOf({ extra: [1] })[0]?.field).toBe("params.extra");
  });

  it("refuses names the model does not list, one error each", () => {
    expect(problemsOf({ colour: "red", size: 2 })).toEqual([
      { field: "params.colour", message: "Not a parameter of this model." },
      { field: "params.size", message: "Not a parameter of this model." },
    ]);
  });
});

describe("the form's draft", () => {
  it("starts from each type's default", () => {
    expect(defaultDraft(PARAMS)).toEqual({
      aspect_ratio: "1:1",
      negative_prompt: "",
      image_url: "",
      stop: [],
      safety: true,
      num_images: "1",
      max_tokens: "",
      seed: "",
      guidance: "3.5",
      camera: [
        { key: "pan", value: "0" },
        { key: "zoom", value: "2" },
      ],
      extra: [],
    });
  });

  it("turns into params: empty optional fields are left out, numbers are numbers", () => {
    const draft = { ...defaultDraft(PARAMS), image_url: "https://x.example/a.png", seed: "42", stop: ["END", " "], extra: [{ key: "style", value: "noir" }] };
    expect(toParams(PARAMS, draft)).toEqual({
      aspect_ratio: "1:1",
      image_url: "https://x.example/a.png",
      stop: ["END"],
      safety: true,
      num_images: 1,
      max_tokens: null,
      seed: 42,
      guidance: 3.5,
      camera: { pan: 0, zoom: 2 },
      extra: { style: "noir" },
    });
  });

  it("keeps unreadable numbers as NaN, so validation names the field", () => {
    const params = toParams(PARAMS, { ...defaultDraft(PARAMS), image_url: "https://example.com/u.png", num_images: "two" });
    expect(params.num_images).toBeNaN();
    expect(paramProblems(PARAMS, params)).toEqual([{ field: "params.num_images", message: "Must be a whole number." }]);
  });

  it("fills from a recorded launch, taking defaults for what the record lacks", () => {
    const draft = draftFromParams(PARAMS, { num_images: 3, camera: { pan: 5 }, stop: ["x"], safety: false });
    expect(draft).toMatchObject({ num_images: "3", stop: ["x"], safety: false, aspect_ratio: "1:1", guidance: "3.5" });
    expect(draft.camera).toEqual([
      { key: "pan", value: "5" },
      { key: "zoom", value: "2" },
    ]);
  });

  it("randomises a seed inside the param's range", () => {
    expect(randomSeed({ min: 0, max: 4_294_967_295 }, () => 0)).toBe(0);
    expect(randomSeed({ min: 0, max: 4_294_967_295 }, () => 0.999_999_999_99)).toBe(4_294_967_295);
    expect(randomSeed({ min: 10, max: 12 }, () => 0.5)).toBe(11);
  });
});
