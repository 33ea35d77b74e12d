import { z } from "zod";
import type { ModelParam, Technique } from "@/lib/flora/schemas";
import type { ParamDraft } from "@/lib/params/param-draft";
import type { InputDraft } from "@/lib/params/technique-inputs";
import { httpUrlSchema, urlParamKind } from "@/lib/params/url-params";

/**
 * "Use as input": `?use=<url>&use_type=image|video` opens the launch form or a technique
 * form with that output's URL in the first input that takes one. Anything that is not a
 * single http(s) URL is ignored, and so is a type other than image or video.
 */
export type UseType = "image" | "video";
export interface UseInput {
  url: string;
  type: UseType | null;
}

const useQuerySchema = z.object({
  use: httpUrlSchema,
  use_type: z.enum(["image", "video"]).optional().catch(undefined),
});

export function parseUseInput(search: Record<string, string | string[] | undefined>): UseInput | null {
  const parsed = useQuerySchema.safeParse({ use: search.use, use_type: search.use_type });
  return parsed.success ? { url: parsed.data.use, type: parsed.data.use_type ?? null } : null;
}

/** The query string that carries a use-as-input on to another form (`""` when there is none). */
export function queryForUse(use: UseInput | null): string {
  if (!use) return "";
  const query = new URLSearchParams({ use: use.url });
  if (use.type) query.set("use_type", use.type);
  return `?${query}`;
}

/** A model's URL params a picked output can fill: `*_url` free text or `*_urls` lists. */
export function urlParams(params: readonly ModelParam[]): ModelParam[] {
  return params.filter((param) => {
    const kind = urlParamKind(param.name);
    return (kind === "one" && param.type === "string" && !param.options?.length) || (kind === "list" && param.type === "string[]");
  });
}

/** image: `image_url`, `*image*_url(s)`; video: `video_url`, …; else the first URL param. */
export function targetParamForUse(params: readonly ModelParam[], type: UseType | null): ModelParam | undefined {
  const candidates = urlParams(params);
  return (type ? candidates.find((param) => param.name.toLowerCase().includes(type)) : undefined) ?? candidates[0];
}

export function applyUseToDraft(params: readonly ModelParam[], draft: ParamDraft, use: UseInput | null): ParamDraft {
  const target = use && targetParamForUse(params, use.type);
  if (!use || !target) return draft;
  if (target.type === "string[]") {
    const current = (draft[target.name] as string[] | undefined) ?? [];
    return { ...draft, [target.name]: current.includes(use.url) ? current : [...current, use.url] };
  }
  return { ...draft, [target.name]: use.url };
}

/** A technique's first input of the picked output's type (imageUrl or videoUrl). */
export function targetInputForUse(technique: Technique, type: UseType | null) {
  const wanted = type ? `${type}Url` : null;
  return technique.inputs.find((input) => (wanted ? input.type === wanted : input.type === "imageUrl" || input.type === "videoUrl"));
}

export function applyUseToInputs(technique: Technique, draft: InputDraft, use: UseInput | null): InputDraft {
  const target = use && targetInputForUse(technique, use.type);
  if (!use || !target) return draft;
  const values = draft[target.id] ?? [""];
  if (values.includes(use.url)) return draft;
  const blank = values.findIndex((value) => value.trim() === "");
  const next = blank >= 0 ? values.map((value, index) => (index === blank ? use.url : value)) : target.allow_multiple ? [...values, use.url] : [use.url];
  return { ...draft, [target.id]: next };
}
