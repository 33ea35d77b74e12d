import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectRedis, disconnectRedis } from "@/lib/redis/connection";
import { EVERYTHING, listenForInvalidations, memoryInvalidation, publishInvalidation } from "@/lib/redis/invalidations";
import { hasRedisServer, redisInstances, startRedis, within, type RedisServer } from "@/lib/testing/redis";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));


/** An instance's memory: what it remembers, and handlers that forget it. */
function memory(...keys: string[]) {
  const kept = new Set(keys);
  let forgotAll = 0;
  return {
    kept,
    forgotAll: () => forgotAll,
    handlers: { forget: (key: string) => void kept.delete(key), forgetAll: () => (kept.clear(), (forgotAll += 1)) },
  };
}

describe.skipIf(!hasRedisServer())("invalidations across instances", () => {
  let server: RedisServer;
  const channel = "atelier:test-changed";

  const instances = redisInstances(() => server.url);
  /** An "instance": its own pair of connections, as a separate process has, once connected. */
  const instance = (name: string, at?: string, reconnectMs = 50) => instances.instance(name, { at, reconnectMs });

  beforeAll(async () => {
    server = await startRedis();
  });
  afterAll(async () => {
    await disconnectRedis();
    instances.disconnectAll();
    await server?.stop();
  });

  it("a key published by one instance is forgotten by every listening instance within 100 ms, and only that key", async () => {
    const [a, b] = [await instance("a"), await instance("b")];
    const memoryA = memory("u1", "u2");
    const memoryB = memory("u1", "u2");
    await listenForInvalidations(a, channel, memoryA.handlers).ready;
    await listenForInvalidations(b, channel, memoryB.handlers).ready;
    expect(await publishInvalidation(a, channel, "u1")).toBe(true);
    expect(await within(100, () => !memoryB.kept.has("u1") && !memoryA.kept.has("u1"))).toBeLessThan(100);
    expect([...memoryB.kept]).toEqual(["u2"]);
    await publishInvalidation(b, channel, EVERYTHING);
    await within(100, () => memoryA.kept.size === 0);
  });

  it("ignores the subscriber's other channels (the poll coalescing shares the connection)", async () => {
    const b = await instance("b");
    const memoryB = memory("u1");
    await listenForInvalidations(b, channel, memoryB.handlers).ready;
    await b.subscriber.subscribe("atelier:poll-done:run:u1");
    const a = await instance("a");
    await a.commands.publish("atelier:poll-done:run:u1", "u1");
    await a.commands.publish("atelier:other", EVERYTHING);
    await sleep(100);
    expect([...memoryB.kept]).toEqual(["u1"]);
  });

  it("a gap in the subscription forgets everything, says it is not listening, and listens again once back", async () => {
    // Reconnects after 300 ms: time to see the gap before it closes.
    const b = await instance("b", server.url, 300);
    const memoryB = memory("u1");
    const listener = listenForInvalidations(b, channel, memoryB.handlers);
    await listener.ready;
    expect(listener.listening()).toBe(true);
    // The server drops the subscriber's connection, as a Redis restart or a network cut would.
    const killer = await instance("killer");
    await killer.commands.client("KILL", "TYPE", "pubsub");
    await within(1_000, () => !listener.listening());
    expect(memoryB.kept.size).toBe(0);
    memoryB.kept.add("u3");
    await within(2_000, () => listener.listening() && memoryB.kept.size === 0);
    // Subscribed again: a message published now is heard.
    memoryB.kept.add("u4");
    await publishInvalidation(killer, channel, "u4");
    await within(100, () => !memoryB.kept.has("u4"));
    await listener.stop();
    expect(listener.listening()).toBe(false);
  });

  it("publishing without a ready connection says false at once instead of waiting on a reconnect", async () => {
    const doomed = await startRedis();
    const a = await instance("a", doomed.url);
    await doomed.stop();
    await within(1_000, () => a.commands.status !== "ready");
    const started = Date.now();
    expect(await publishInvalidation(a, channel, "u1")).toBe(false);
    expect(Date.now() - started).toBeLessThan(50);
  });

  it("memoryInvalidation: remembers long only while this process listens; announce forgets here and publishes", async () => {
    const local = memory("k1", "k2");
    const kind = memoryInvalidation({ channel: "test-kind", handlers: local.handlers, aloneMs: 1_000, listeningMs: 30_000 });
    expect(kind.channel).toBe("atelier:test-kind");
    expect(kind.rememberMs()).toBe(1_000);
    // Without REDIS_URL: forgotten here, nothing published.
    expect(await kind.announce("k1")).toBe(false);
    expect([...local.kept]).toEqual(["k2"]);

    const redis = connectRedis(server.url, "this-instance");
    await kind.start(redis).ready;
    expect(kind.rememberMs()).toBe(30_000);
    const other = memory("k2", "k3");
    await listenForInvalidations(await instance("other"), kind.channel, other.handlers).ready;
    expect(await kind.announce("k2")).toBe(true);
    expect(local.kept.has("k2")).toBe(false);
    await within(100, () => !other.kept.has("k2"));
    expect(other.kept.has("k3")).toBe(true);

    redis.subscriber.disconnect();
    await within(1_000, () => kind.rememberMs() === 1_000);
  });
});
