import { EventEmitter } from "node:events";
import { z } from "zod";
import { runStatusSchema } from "@/lib/flora/schemas";
import { REDIS_PREFIX, sharedRedis, type SharedRedis } from "@/lib/redis/connection";

/**
 * "A run changed", told to whoever watches runs (the SSE stream of issue 16 builds on it):
 *
 *   const stop = onRunChange((change) => …);   // every change, from any instance
 *   publishRunChange({ run_id, status, kind }); // after a fresh read of the run
 *
 * In memory, through an EventEmitter. With REDIS_URL, also on the Redis channel
 * `atelier:run-changes`: every instance's subscriber re-emits what another instance
 * published, and skips its own messages (it told its own listeners already). A change is a
 * hint to re-read or re-render, not a record: a message lost to a Redis outage is a change
 * seen at the next poll instead. Publishing never throws and never waits on Redis.
 */

export const RUN_CHANGES_CHANNEL = `${REDIS_PREFIX}run-changes`;

export const runChangeSchema = z.object({
  run_id: z.string().min(1).max(200),
  status: runStatusSchema,
  kind: z.enum(["generation", "technique"]),
  /** Set for a technique run: it is read under its technique. */
  technique_id: z.string().max(200).nullable().optional(),
  /** When this instance learnt of it, unix ms. */
  at: z.number(),
});
export type RunChange = z.infer<typeof runChangeSchema>;
export type RunChangeListener = (change: RunChange) => void;

/** What goes on the channel: the change and who sent it. */
const messageSchema = runChangeSchema.extend({ from: z.string() });

const EVENT = "change";

/** One bus per process (or per simulated instance in tests), on the Redis `redis()` gives, if any. */
export class RunChangeBus {
  private readonly emitter = new EventEmitter();
  private attached: { redis: SharedRedis; onMessage: (channel: string, text: string) => void; subscribed: Promise<void> } | null = null;

  constructor(private readonly redis: () => SharedRedis | null) {
    // Every open stream is a listener; hundreds are expected, not a leak.
    this.emitter.setMaxListeners(0);
  }

  publish(change: RunChange): void {
    this.emit(change);
    const redis = this.connect();
    if (!redis) return;
    void redis.commands.publish(RUN_CHANGES_CHANNEL, JSON.stringify({ ...change, from: redis.instanceId })).catch(() => {});
  }

  /** Calls `listener` for every change; returns the function that stops it. */
  on(listener: RunChangeListener): () => void {
    this.connect();
    const safe = (change: RunChange) => {
      try {
        listener(change);
      } catch {
        // One watcher's failure must not keep a change from the others.
      }
    };
    this.emitter.on(EVENT, safe);
    return () => void this.emitter.off(EVENT, safe);
  }

  /** Settles once the Redis subscription is in place (at once without Redis): for tests and start-up. */
  async ready(): Promise<void> {
    this.connect();
    await this.attached?.subscribed;
  }

  /** Stops listening on Redis (tests, shutdown); the bus then works in memory until used again. */
  async close(): Promise<void> {
    const attached = this.attached;
    this.attached = null;
    if (!attached) return;
    attached.redis.subscriber.off("message", attached.onMessage);
    await attached.redis.subscriber.unsubscribe(RUN_CHANGES_CHANNEL).catch(() => {});
  }

  private emit(change: RunChange): void {
    this.emitter.emit(EVENT, change);
  }

  /** Subscribes to the channel of the current Redis, once; follows a reconnect to a new one. */
  private connect(): SharedRedis | null {
    const redis = this.redis();
    if (this.attached?.redis === redis) return redis;
    if (this.attached) void this.close();
    if (!redis) return null;
    const onMessage = (channel: string, text: string) => {
      if (channel !== RUN_CHANGES_CHANNEL) return;
      let parsed: ReturnType<typeof messageSchema.safeParse>;
      try {
        parsed = messageSchema.safeParse(JSON.parse(text));
      } catch {
        return;
      }
      if (!parsed.success || parsed.data.from === redis.instanceId) return;
      const { from: _from, ...change } = parsed.data;
      this.emit(change);
    };
    redis.subscriber.on("message", onMessage);
    const subscribed = redis.subscriber.subscribe(RUN_CHANGES_CHANNEL).then(
      () => undefined,
      () => undefined,
    );
    this.attached = { redis, onMessage, subscribed };
    return redis;
  }
}

const holder = globalThis as typeof globalThis & { __atelierRunChanges?: RunChangeBus };

/** The process's bus, on globalThis like the poll cache: route bundles and the custom server share it. */
export function runChangeBus(): RunChangeBus {
  holder.__atelierRunChanges ??= new RunChangeBus(sharedRedis);
  return holder.__atelierRunChanges;
}

/** Tells every watcher, on this instance and (with Redis) on the others, that a run changed. */
export function publishRunChange(change: RunChange): void {
  runChangeBus().publish(change);
}

/** Hears every run change, wherever it was published; returns the unsubscribe function. */
export function onRunChange(listener: RunChangeListener): () => void {
  return runChangeBus().on(listener);
}
