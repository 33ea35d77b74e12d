import { z } from "zod";
import type { RunRef } from "@/lib/runs/run-ref";

/**
 * Where a run page's "Back to history" link leads: the history the teammate came from, with
 * its filters. The candidate comes from the page's `from` query param or the Referer header,
 * both untrusted, so only a same-app history path survives: `/generations` or
 * `/technique-runs`, with a bounded query of plain names. The result is always a relative
 * path, so no candidate can lead off the site.
 */

export const HISTORY_PATHS = ["/generations", "/technique-runs"] as const;

const MAX_PARAMS = 12;
const paramName = z.string().regex(/^[a-z][a-z0-9_]{0,31}$/);
const paramValue = z.string().max(200);

/** The base only makes relative candidates parseable; it never reaches the result. */
const PARSE_BASE = "http://history.invalid";

export const historyPathSchema = z
  .string()
  .max(2_000)
  .transform((candidate, ctx) => {
    let url: URL;
    try {
      // A relative candidate must be rooted ("/generations"), never "//host" or "generations".
      url = candidate.startsWith("/") && !candidate.startsWith("//") ? new URL(candidate, PARSE_BASE) : new URL(candidate);
    } catch {
      ctx.addIssue({ code: "custom", message: "is not a URL" });
      return z.NEVER;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      ctx.addIssue({ code: "custom", message: "is not an http(s) address" });
      return z.NEVER;
    }
    const path = HISTORY_PATHS.find((candidatePath) => candidatePath === url.pathname);
    if (!path) {
      ctx.addIssue({ code: "custom", message: "is not a history page" });
      return z.NEVER;
    }
    const entries = [...url.searchParams.entries()];
    const params = z
      .array(z.tuple([paramName, paramValue]))
      .max(MAX_PARAMS)
      .safeParse(entries);
    if (!params.success) {
      ctx.addIssue({ code: "custom", message: "has a query that is not a history filter" });
      return z.NEVER;
    }
    const search = new URLSearchParams(params.data).toString();
    return search ? `${path}?${search}` : path;
  });

/** The history a run of this kind belongs to, unfiltered. */
export const defaultHistoryHref = (ref: Pick<RunRef, "kind">) => (ref.kind === "technique" ? "/technique-runs" : "/generations");

/** The first candidate that is a history path, or the run's own history unfiltered. */
export function backToHistoryHref(ref: Pick<RunRef, "kind">, ...candidates: Array<string | string[] | null | undefined>): string {
  for (const candidate of candidates) {
    const value = Array.isArray(candidate) ? candidate[0] : candidate;
    if (!value) continue;
    const parsed = historyPathSchema.safeParse(value);
    if (parsed.success) return parsed.data;
  }
  return defaultHistoryHref(ref);
}
