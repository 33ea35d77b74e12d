import type { SharedRedis } from "@/lib/redis/connection";
import { REDIS_PREFIX } from "@/lib/redis/connection";

/**
 * Poll coalescing across instances, on Redis: one upstream read per key per interval however
 * many instances are asked. The first instance to want a key that Redis does not hold takes
 * a short lock and reads upstream; the answer goes into Redis (for as long as it is fresh)
 * and out on a channel, so instances waiting on the lock answer the moment it arrives.
 *
 * - A waiter that hears nothing within the lock's life (the holder died, or Redis dropped the
 *   message) reads upstream itself: coalescing is an economy, never a reason to fail.
 * - A failed read is published too; waiters then read upstream themselves (so a storm of
 *   errors costs at most one read per instance per poll), never cache it across instances.
 */
export interface SharedPollOptions<T> {
  /** How long an unfinished value is shared. */
  freshMs: number;
  /** How long a finished value is shared. */
  terminalMs: number;
  /** How long the lock holds, and waiters wait, at most: the longest an upstream read may take. */
  lockMs: number;
  isTerminal: (value: T) => boolean;
}

type Message<T> = { ok: true; value: T } | { ok: false };

const valueKey = (key: string) => `${REDIS_PREFIX}poll:${key}`;
const lockKey = (key: string) => `${REDIS_PREFIX}poll-lock:${key}`;
const channelOf = (key: string) => `${REDIS_PREFIX}poll-done:${key}`;

/** Deletes the lock only while it is still ours (its holder may have outlived it). */
const RELEASE_LOCK = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

interface Waiting<T> {
  listeners: Set<(message: Message<T>) => void>;
  /** Settles once the channel is subscribed (or could not be). */
  subscribed: Promise<void>;
}

export class SharedPoll<T> {
  /** Keys this instance waits on: one subscription per key, however many callers wait. */
  private readonly waiting = new Map<string, Waiting<T>>();

  constructor(
    private readonly redis: SharedRedis,
    private readonly options: SharedPollOptions<T>,
  ) {
    const prefix = `${REDIS_PREFIX}poll-done:`;
    redis.subscriber.on("message", (channel: string, text: string) => {
      const entry = channel.startsWith(prefix) ? this.waiting.get(channel.slice(prefix.length)) : undefined;
      if (!entry) return;
      let message: Message<T>;
      try {
        message = JSON.parse(text) as Message<T>;
      } catch {
        return;
      }
      for (const listener of entry.listeners) listener(message);
    });
  }

  /**
   * The shared value while fresh, else one instance's `load` (this one's, or another's). When
   * Redis cannot be reached, `load` runs here: the instance answers on its own.
   */
  async get(key: string, load: () => Promise<T>): Promise<T> {
    let locked: string | null;
    const token = `${this.redis.instanceId}:${Math.random().toString(36).slice(2)}`;
    try {
      const cached = await this.read(key);
      if (cached !== undefined) return cached;
      locked = await this.redis.commands.set(lockKey(key), token, "PX", this.options.lockMs, "NX");
    } catch {
      return load();
    }
    if (locked !== "OK") return this.awaitHolder(key, load);
    // Another instance may have shared its answer and let go of the lock between our read
    // and our lock: read once more before spending an upstream call.
    const sharedMeanwhile = await this.read(key).catch(() => undefined);
    if (sharedMeanwhile !== undefined) {
      await this.redis.commands.eval(RELEASE_LOCK, 1, lockKey(key), token).catch(() => {});
      return sharedMeanwhile;
    }
    return this.loadAndShare(key, load, token);
  }

  /**
   * Loads now, without looking at what Redis holds (it may be a "running" read a moment
   * before the run ended), then shares the answer as any load's: stored, and published to
   * instances waiting on the key. Without Redis the value is still returned.
   */
  async refresh(key: string, load: () => Promise<T>): Promise<T> {
    const value = await load();
    const ttl = this.options.isTerminal(value) ? this.options.terminalMs : this.options.freshMs;
    const message: Message<T> = { ok: true, value };
    await Promise.allSettled([
      this.redis.commands.set(valueKey(key), JSON.stringify(value), "PX", ttl),
      this.redis.commands.publish(channelOf(key), JSON.stringify(message)),
    ]);
    return value;
  }

  private async read(key: string): Promise<T | undefined> {
    const text = await this.redis.commands.get(valueKey(key));
    return text === null ? undefined : (JSON.parse(text) as T);
  }

  private async loadAndShare(key: string, load: () => Promise<T>, token: string): Promise<T> {
    let message: Message<T> = { ok: false };
    try {
      const value = await load();
      message = { ok: true, value };
      const ttl = this.options.isTerminal(value) ? this.options.terminalMs : this.options.freshMs;
      await this.redis.commands.set(valueKey(key), JSON.stringify(value), "PX", ttl).catch(() => {});
      return value;
    } finally {
      // Publish before releasing: a waiter that took the lock after us would read again.
      await Promise.allSettled([
        this.redis.commands.publish(channelOf(key), JSON.stringify(message)),
        this.redis.commands.eval(RELEASE_LOCK, 1, lockKey(key), token),
      ]);
    }
  }

  private async awaitHolder(key: string, load: () => Promise<T>): Promise<T> {
    const waiter = this.listen(key);
    try {
      await waiter.subscribed;
      // The holder may have shared its answer before the subscription was in place.
      const shared = await this.read(key).catch(() => undefined);
      if (shared !== undefined) return shared;
      const message = await waiter.message;
      if (message?.ok) return message.value;
    } finally {
      waiter.cancel();
    }
    return load();
  }

  /** Waits for the key's next message, or null after the lock's life. */
  private listen(key: string) {
    let entry = this.waiting.get(key);
    if (!entry) {
      const subscribed = this.redis.subscriber.subscribe(channelOf(key)).then(
        () => undefined,
        () => undefined,
      );
      entry = { listeners: new Set(), subscribed };
      this.waiting.set(key, entry);
    }
    const own = entry;
    let listener!: (message: Message<T> | null) => void;
    const message = new Promise<Message<T> | null>((resolve) => (listener = resolve));
    const timer = setTimeout(() => listener(null), this.options.lockMs);
    own.listeners.add(listener);
    const cancel = () => {
      clearTimeout(timer);
      own.listeners.delete(listener);
      if (own.listeners.size === 0 && this.waiting.get(key) === own) {
        this.waiting.delete(key);
        void this.redis.subscriber.unsubscribe(channelOf(key)).catch(() => {});
      }
    };
    return { subscribed: own.subscribed, message, cancel };
  }
}
