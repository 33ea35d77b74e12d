import type { Kysely } from "kysely";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import type { Database, SharedLink } from "@/lib/db/schema";
import { isUpstreamNotFound } from "@/lib/flora/call-policy";
import type { Run, RunOutput } from "@/lib/flora/schemas";
import { describeError, log } from "@/lib/log";
import { ConcurrencySlots, streamReleasing } from "@/lib/runs/download-slots";
import type { ServedOutput } from "@/lib/archive/serve";
import type { RunRef } from "@/lib/runs/run-ref";
import { DEAD_STATUS, noteOpened, resolveLink } from "@/lib/sharing/link-service";
import { takePublicRequest } from "@/lib/sharing/public-limit";
import { isPrefixedId } from "@/lib/ids";
import type { PublicCollection } from "@/lib/sharing/public-collection";
import { deadLinkHtml, PUBLIC_PAGE_POLICY, publicCollectionHtml, publicRunHtml, tooManyRequestsHtml, unavailableHtml } from "@/lib/sharing/public-page-html";
import { runRefOf, type PublicRun } from "@/lib/sharing/public-run";

/**
 * The two answers of a public link, with no session: the page (`/s/{token}`) and each of
 * its media files (`/s/{token}/media/{outputId}`). Both count against the client address's
 * budget first (so guessing tokens costs the guesser), then read the link from the store
 * (never cached: a revocation holds from the next request). Dependencies are passed in so
 * tests drive them without Next, FLORA or a media host.
 */

export interface PublicDeps {
  db: () => Promise<Kysely<Database>>;
  limiter: () => RateLimiterAbstract;
  addressOf: (request: Request) => string;
  loadRun: (link: SharedLink) => Promise<PublicRun>;
  /** A collection link's page; null when the collection is gone. */
  loadCollection: (db: Kysely<Database>, link: SharedLink) => Promise<PublicCollection | null>;
  /** One run of a collection link's collection, by id; null when it is not in it. */
  collectionRun: (db: Kysely<Database>, link: SharedLink, runId: string) => Promise<RunRef | null>;
  readRun: (ref: RunRef) => Promise<Run>;
  /** `range` is the request's Range header: an archived copy serves that part (a video seeks; Safari plays only so). */
  openerFor: (runId: string) => Promise<(output: RunOutput, range?: string | null) => Promise<ServedOutput>>;
  now?: () => number;
}

/** Never stored by a shared cache, never indexed, never sent on as a Referer. */
export const PUBLIC_HEADERS: Record<string, string> = {
  "cache-control": "private, no-store",
  "x-robots-tag": "noindex, nofollow",
  "referrer-policy": "no-referrer",
  "x-content-type-options": "nosniff",
};

/** Media files at once per address: a page's images load in parallel, a scraper waits. */
const mediaSlots = new ConcurrencySlots(6);

const html = (body: string, status: number, extra: Record<string, string> = {}) =>
  new Response(body, { status, headers: { ...PUBLIC_HEADERS, "content-type": "text/html; charset=utf-8", "content-security-policy": PUBLIC_PAGE_POLICY, ...extra } });

const plain = (message: string, status: number, extra: Record<string, string> = {}) =>
  new Response(message, { status, headers: { ...PUBLIC_HEADERS, "content-type": "text/plain; charset=utf-8", "content-security-policy": "default-src 'none'; sandbox", ...extra } });

type Gate = { ok: true; link: SharedLink } | { ok: false; wait: number } | { ok: false; status: 404 | 410 };

/** The rate limit, then the link. */
async function gate(deps: PublicDeps, request: Request, token: string): Promise<Gate> {
  const wait = await takePublicRequest(deps.limiter(), deps.addressOf(request));
  if (wait > 0) return { ok: false, wait };
  const resolution = await resolveLink(await deps.db(), token, deps.now?.() ?? Date.now());
  return resolution.live ? { ok: true, link: resolution.link } : { ok: false, status: DEAD_STATUS[resolution.reason] };
}

/** GET /s/{token}: the shared run, or a plain dead-link page (404 unknown, 410 revoked or expired), or 429. */
export function publicPageHandler(deps: PublicDeps) {
  return async (request: Request, token: string): Promise<Response> => {
    try {
      const gated = await gate(deps, request, token);
      if (!gated.ok) return "wait" in gated ? html(tooManyRequestsHtml(gated.wait), 429, { "retry-after": String(gated.wait) }) : html(deadLinkHtml(), gated.status);
      const db = await deps.db();
      let page: string;
      try {
        if (gated.link.subject_kind === "collection") {
          const collection = await deps.loadCollection(db, gated.link);
          // The collection was deleted: the link has nothing left to show.
          if (!collection) return html(deadLinkHtml(), 404);
          page = publicCollectionHtml(token, collection);
        } else {
          page = publicRunHtml(token, await deps.loadRun(gated.link));
        }
      } catch (error) {
        // FLORA no longer has the run: the link has nothing left to show.
        if (isUpstreamNotFound(error)) return html(deadLinkHtml(), 404);
        log.warn("public link: subject unavailable", { link: gated.link.prefix, ...describeError(error) });
        return html(unavailableHtml(), 503, { "retry-after": "30" });
      }
      await noteOpened(db, gated.link, deps.now?.() ?? Date.now()).catch((error: unknown) => log.warn("public link: open not recorded", describeError(error)));
      return html(page, 200);
    } catch (error) {
      log.error("GET /s/{token} failed", describeError(error));
      return html(unavailableHtml(), 500);
    }
  };
}

/** GET /s/{token}/media/{outputId}: one output of the link's run, from the archive when kept, else FLORA's URL through the hardened fetcher. */
export function publicMediaHandler(deps: PublicDeps) {
  return async (request: Request, token: string, outputId: string): Promise<Response> => {
    try {
      const gated = await gate(deps, request, token);
      if (!gated.ok) return "wait" in gated ? plain("Too many requests.", 429, { "retry-after": String(gated.wait) }) : plain("This link is no longer available.", gated.status);
      let ref: RunRef | null = runRefOf(gated.link);
      if (gated.link.subject_kind === "collection") {
        // A collection's media name their run, which must be one of the collection's.
        const runId = new URL(request.url).searchParams.get("run") ?? "";
        ref = isPrefixedId(runId, "run_") ? await deps.collectionRun(await deps.db(), gated.link, runId) : null;
      }
      if (!ref) return plain("Not found.", 404);
      let run: Run;
      try {
        run = await deps.readRun(ref);
      } catch (error) {
        if (isUpstreamNotFound(error)) return plain("Not found.", 404);
        throw error;
      }
      // Only the link's own run's outputs: another run's output id finds nothing here.
      const output = run.status === "completed" ? run.outputs?.find((candidate) => candidate.output_id === outputId) : undefined;
      if (!output) return plain("Not found.", 404);
      const address = deps.addressOf(request);
      const release = mediaSlots.tryAcquire(address);
      if (!release) return plain("Too many files at once.", 429, { "retry-after": "5" });
      try {
        const opened = await (await deps.openerFor(ref.runId))(output, request.headers.get("range"));
        return new Response(streamReleasing(opened.body, release), {
          status: opened.range ? 206 : 200,
          headers: {
            ...PUBLIC_HEADERS,
            "content-type": opened.contentType,
            // Served from our origin: a file must never run as a page of ours.
            "content-security-policy": "default-src 'none'; sandbox",
            "content-disposition": "inline",
            ...(opened.length !== null && { "content-length": String(opened.length) }),
            ...(opened.range && { "accept-ranges": "bytes", "content-range": `bytes ${opened.range.start}-${opened.range.end}/${opened.range.size}` }),
          },
        });
      } catch (error) {
        release();
        throw error;
      }
    } catch (error) {
      // The reason (a refused address, a 404 from the media host) is for the log only.
      log.warn("public link: media unavailable", describeError(error));
      return plain("This file could not be shown.", 502);
    }
  };
}
