import { z } from "zod";

/**
 * FLORA has no URL param type: a param is a URL by its name. `*_url` holds one http(s)
 * URL, `*_urls` a list of them. The form, the gateway and the "use as input" prefill all
 * decide it here, so they agree.
 */
export const HTTP_URL_MESSAGE = "Must be an http(s) URL.";
const MAX_URL = 2048;

export const httpUrlSchema = z
  .url({ protocol: /^https?$/, error: HTTP_URL_MESSAGE })
  .max(MAX_URL, `At most ${MAX_URL} characters.`);

export type UrlParamKind = "one" | "list";

export function urlParamKind(name: string): UrlParamKind | null {
  if (/_urls$/i.test(name)) return "list";
  if (/_url$/i.test(name)) return "one";
  return null;
}

export const isHttpUrl = (value: unknown): value is string => typeof value === "string" && httpUrlSchema.safeParse(value).success;

/**
 * The URL-named params of a launch, checked without the model's schema (the gateway runs
 * this even when FLORA picks the model). `params.<name>` for a single URL, `params.<name>.<i>`
 * for the entry of a list that is wrong.
 */
export function urlParamProblems(params: Record<string, unknown> | undefined): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = [];
  for (const [name, value] of Object.entries(params ?? {})) {
    const kind = urlParamKind(name);
    if (kind === "one" && value !== null && value !== undefined && !isHttpUrl(value)) {
      problems.push({ field: `params.${name}`, message: HTTP_URL_MESSAGE });
    } else if (kind === "list" && Array.isArray(value)) {
      value.forEach((entry, index) => {
        if (!isHttpUrl(entry)) problems.push({ field: `params.${name}.${index}`, message: HTTP_URL_MESSAGE });
      });
    }
  }
  return problems;
}
