import { REDIS_PREFIX, sharedRedis, type SharedRedis } from "@/lib/redis/connection";

/**
 * "Forget what you remember about X", said on a Redis channel to every instance. What an
 * instance remembers (users, access tokens) it may keep longer while it hears these, and
 * only then: a message missed is a change not noticed. So:
 *
 * - `listening()` is true only while the subscription is confirmed and the subscriber
 *   connected; callers remember briefly otherwise, as without REDIS_URL.
 * - On any gap (the subscriber's connection closes, and again once it is back and
 *   subscribed), `forgetAll` runs: whatever was published meanwhile went unheard.
 * - Publishing never throws and never waits on a reconnect: a change is in the store
 *   already, and instances that miss the message notice it when their memory runs out.
 */
export const EVERYTHING = "*";

/** How long a publication may take before the change is left to the instances' short memory. */
const PUBLISH_TIMEOUT_MS = 2_000;

export interface InvalidationListener {
  /** Resolves once subscribed (or once subscribing failed: listening() then says false). */
  ready: Promise<void>;
  listening(): boolean;
  stop(): Promise<void>;
}

export interface InvalidationHandlers {
  /** One key changed (the payload of a message that is not EVERYTHING). */
  forget(key: string): void;
  forgetAll(): void;
}

/** Starts listening on `channel` of the instance's shared subscriber connection. */
export function listenForInvalidations(redis: SharedRedis, channel: string, handlers: InvalidationHandlers): InvalidationListener {
  let subscribed = false;
  const { subscriber } = redis;
  const subscribe = async () => {
    try {
      await subscriber.subscribe(channel);
      subscribed = true;
    } catch {
      subscribed = false;
    }
  };
  const onMessage = (from: string, text: string) => {
    if (from !== channel) return;
    if (text === EVERYTHING) handlers.forgetAll();
    else handlers.forget(text);
  };
  const onClose = () => handlers.forgetAll();
  // ioredis subscribes again by itself after a reconnect; subscribing here too settles when
  // the subscription is confirmed, and only then is the gap closed.
  const onReady = () => void subscribe().then(() => handlers.forgetAll());
  subscriber.on("message", onMessage);
  subscriber.on("close", onClose);
  subscriber.on("ready", onReady);
  return {
    ready: subscribe(),
    listening: () => subscribed && subscriber.status === "ready",
    async stop() {
      subscriber.off("message", onMessage);
      subscriber.off("close", onClose);
      subscriber.off("ready", onReady);
      subscribed = false;
      await subscriber.unsubscribe(channel).catch(() => {});
    },
  };
}

/** Tells every listening instance; false when Redis is not connected or did not answer in time. */
export async function publishInvalidation(redis: SharedRedis, channel: string, key: string): Promise<boolean> {
  if (redis.commands.status !== "ready") return false;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), PUBLISH_TIMEOUT_MS);
    timer.unref?.();
  });
  try {
    return await Promise.race([redis.commands.publish(channel, key).then(() => true, () => false), late]);
  } finally {
    clearTimeout(timer);
  }
}

export interface MemoryInvalidation {
  channel: string;
  /** At server start: this process's memory forgets whatever any instance announces. */
  start(redis: SharedRedis): InvalidationListener;
  /** How long to remember now: long only while this process hears announcements. */
  rememberMs(): number;
  /** After a change: forget the key here, and tell every other instance to. */
  announce(key: string, redis?: SharedRedis | null): Promise<boolean>;
}

export interface MemoryInvalidationOptions {
  /** The channel's name under atelier:, e.g. "users-changed". */
  channel: string;
  /** This process's memory. */
  handlers: InvalidationHandlers;
  /** How long to remember without announcements (no REDIS_URL, or not listening). */
  aloneMs: number;
  /** How long to remember while announcements are heard. */
  listeningMs: number;
}

const started = globalThis as typeof globalThis & {
  __atelierInvalidations?: Map<string, { redis: SharedRedis; listener: InvalidationListener }>;
};

/**
 * One kind of remembered thing (users, access tokens) kept in step across instances. The
 * started listener is on globalThis, like the memory it guards: every bundle of the process
 * (and the custom server's fast path) asks the same one.
 */
export function memoryInvalidation(options: MemoryInvalidationOptions): MemoryInvalidation {
  const channel = `${REDIS_PREFIX}${options.channel}`;
  const running = () => (started.__atelierInvalidations ??= new Map());
  return {
    channel,
    start(redis) {
      const current = running().get(channel);
      if (current?.redis === redis) return current.listener;
      void current?.listener.stop();
      const listener = listenForInvalidations(redis, channel, options.handlers);
      running().set(channel, { redis, listener });
      return listener;
    },
    rememberMs() {
      const current = running().get(channel);
      return current && current.redis === sharedRedis() && current.listener.listening() ? options.listeningMs : options.aloneMs;
    },
    async announce(key, redis = sharedRedis()) {
      if (key === EVERYTHING) options.handlers.forgetAll();
      else options.handlers.forget(key);
      return redis ? publishInvalidation(redis, channel, key) : false;
    },
  };
}
