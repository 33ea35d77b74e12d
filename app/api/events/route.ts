import { hasRole } from "@/lib/auth/roles";
import { requestActor } from "@/lib/auth/request-actor";
import { ApiError } from "@/lib/errors/api-error";
import { route } from "@/lib/http/route";
import { openEventStream } from "@/lib/live/event-stream";
import { bootId, runWatchers } from "@/lib/live/live-runs";
import { streamSlots, type StreamSlots } from "@/lib/live/stream-slots";
import { eventsQuerySchema, isEventId, parseWatchPath } from "@/lib/live/watch-target";

export const dynamic = "force-dynamic";

/** A heartbeat every 15 s: a tab that hears none for two of them polls instead. */
const HEARTBEAT_MS = 15_000;
/** Then the browser reconnects, and the reconnection is authenticated again. */
const LIFETIME_MS = 10 * 60_000;

const live = globalThis as typeof globalThis & { __atelierStreamSlots?: StreamSlots };
const slots = () => (live.__atelierStreamSlots ??= streamSlots());

/** The sequence number a resuming tab already has: from Last-Event-ID (the browser's own reconnection) or `after`. */
function afterSeq(lastEventId: string | null, after: string | undefined): number {
  const id = isEventId(lastEventId) ? lastEventId : after;
  if (!id) return 0;
  const [boot, seq] = id.split("-");
  return boot === bootId() ? Number(seq) : 0;
}

/**
 * GET /api/events?watch=<poll path>,…: the tab's stream of changes to the runs it watches
 * (lib/live/event-stream.ts). Session or personal access token; any signed-in teammate may
 * watch any of the team's runs, as they may poll them.
 */
export const GET = route({ role: "viewer", query: eventsQuerySchema }, async ({ request, user, query }) => {
  const slot = slots().tryAcquire(user.id);
  if (!slot.ok && slot.full === "teammate") {
    throw new ApiError("rate_limited", "You have too many live streams open; close a tab or two.", undefined, { "retry-after": "30" });
  }
  if (!slot.ok) {
    // The page polls instead (lib/queries/run-stream.ts), and tries the stream again later.
    throw new ApiError("service_unavailable", "This server holds as many live streams as it can; your pages poll instead.", undefined, { "retry-after": "60" });
  }
  const stream = openEventStream({
    watchers: runWatchers(),
    runs: query.watch.map((path) => ({ path, ref: parseWatchPath(path)! })),
    bootId: bootId(),
    afterSeq: afterSeq(request.headers.get("last-event-id"), query.after),
    heartbeatMs: HEARTBEAT_MS,
    lifetimeMs: LIFETIME_MS,
    stillAllowed: async () => {
      const { user: now } = await requestActor(request).catch(() => ({ user: null }));
      return now?.id === user.id && hasRole(now.role, "viewer");
    },
    signal: request.signal,
    onClose: slot.release,
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform: a compressing proxy (or Next's own compression) must not buffer the stream.
      "cache-control": "private, no-cache, no-transform",
      "x-accel-buffering": "no",
    },
  });
});
