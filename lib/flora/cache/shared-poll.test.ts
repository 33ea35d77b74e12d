import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { PollCache } from "@/lib/flora/cache/poll-cache";
import { SharedPoll } from "@/lib/flora/cache/shared-poll";
import { hasRedisServer, redisInstances, startRedis, type RedisServer } from "@/lib/testing/redis";

interface Run {
  id: string;
  status: "running" | "completed";
  read: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!hasRedisServer())("SharedPoll: one upstream read per key per interval across instances", () => {
  let server: RedisServer;
  const instances = redisInstances(() => server.url);
  const instance = (name: string) => instances.instance(name);

  const options = { freshMs: 1_000, terminalMs: 60_000, lockMs: 2_000, isTerminal: (run: Run) => run.status === "completed" };

  beforeAll(async () => {
    server = await startRedis();
  });
  afterEach(async () => {
    await (await instance("cleaner")).commands.flushall();
  });
  afterAll(async () => {
    instances.disconnectAll();
    await server?.stop();
  });

  it("fifty concurrent polls over two instances cost one upstream read, and every caller gets its answer", async () => {
    const a = new SharedPoll<Run>(await instance("a"), options);
    const b = new SharedPoll<Run>(await instance("b"), options);
    let reads = 0;
    const load = async (): Promise<Run> => {
      reads += 1;
      await sleep(150);
      return { id: "run_1", status: "running", read: reads };
    };
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? a : b).get("run:run_1", load)));
    expect(reads).toBe(1);
    expect(answers.every((run) => run.read === 1)).toBe(true);
  });

  it("an unfinished run is read again once its second is up; a finished one is not", async () => {
    const a = new SharedPoll<Run>(await instance("a"), options);
    const b = new SharedPoll<Run>(await instance("b"), options);
    let reads = 0;
    let status: Run["status"] = "running";
    const load = async (): Promise<Run> => ({ id: "run_2", status, read: ++reads });
    await a.get("run:run_2", load);
    expect((await b.get("run:run_2", load)).read).toBe(1);
    await sleep(1_100);
    status = "completed";
    expect((await b.get("run:run_2", load)).read).toBe(2);
    await sleep(1_100);
    expect((await a.get("run:run_2", load)).read).toBe(2);
    expect(reads).toBe(2);
  });

  it("waiters answer when the holder publishes, well before the lock would expire", async () => {
    const a = new SharedPoll<Run>(await instance("a"), { ...options, lockMs: 5_000 });
    const b = new SharedPoll<Run>(await instance("b"), { ...options, lockMs: 5_000 });
    const slow = a.get("run:run_3", async () => (await sleep(300), { id: "run_3", status: "running", read: 1 }));
    await sleep(50);
    const started = Date.now();
    const waited = await b.get("run:run_3", async () => ({ id: "run_3", status: "running", read: 99 }));
    expect(waited.read).toBe(1);
    expect(Date.now() - started).toBeLessThan(1_000);
    await slow;
  });

  it("a failed read is not shared: the holder's caller gets the error, a waiter reads for itself", async () => {
    const a = new SharedPoll<Run>(await instance("a"), options);
    const b = new SharedPoll<Run>(await instance("b"), options);
    const failing = a.get("run:run_4", async () => {
      await sleep(200);
      throw new Error("upstream 503");
    });
    const holderFailed = expect(failing).rejects.toThrow("upstream 503");
    await sleep(50);
    const own = await b.get("run:run_4", async () => ({ id: "run_4", status: "running", read: 7 }));
    await holderFailed;
    expect(own.read).toBe(7);
  });

  it("a holder that dies with the lock held delays the others by the lock's life, not forever", async () => {
    const b = new SharedPoll<Run>(await instance("b"), { ...options, lockMs: 600 });
    await (await instance("dead")).commands.set("atelier:poll-lock:run:run_5", "dead-instance", "PX", 600);
    const started = Date.now();
    const run = await b.get("run:run_5", async () => ({ id: "run_5", status: "running", read: 1 }));
    expect(run.read).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(550);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("two PollCaches (two instances) in front of it: onLoad is told once, by the instance that read", async () => {
    const told: string[] = [];
    const cacheOf = async (name: string) => {
      const shared = new SharedPoll<Run>(await instance(name), options);
      return new PollCache<Run>({
        freshMs: 1_000,
        terminalMs: 60_000,
        maxEntries: 100,
        isTerminal: (run) => run.status === "completed",
        onLoad: () => told.push(name),
        shared: () => shared,
        sharedFreshMs: 250,
      });
    };
    const [a, b] = [await cacheOf("a"), await cacheOf("b")];
    let reads = 0;
    const load = async (): Promise<Run> => (await sleep(100), { id: "run_6", status: "completed", read: ++reads });
    await Promise.all([a.get("run:run_6", load), b.get("run:run_6", load), a.get("run:run_6", load), b.get("run:run_6", load)]);
    expect(reads).toBe(1);
    expect(told).toHaveLength(1);
  });
});

describe.skipIf(!hasRedisServer())("SharedPoll.refresh", () => {
  let server: RedisServer;
  const instances = redisInstances(() => server.url);
  const options = { freshMs: 1_000, terminalMs: 60_000, lockMs: 2_000, isTerminal: (run: Run) => run.status === "completed" };

  beforeAll(async () => {
    server = await startRedis();
  });
  afterAll(async () => {
    instances.disconnectAll();
    await server?.stop();
  });

  it("reads past a shared unfinished answer and shares the fresh one with the other instance", async () => {
    const a = new SharedPoll<Run>(await instances.instance("a"), options);
    const b = new SharedPoll<Run>(await instances.instance("b"), options);
    let reads = 0;
    const read = (status: Run["status"]) => async (): Promise<Run> => ({ id: "run_8", status, read: ++reads });
    await a.get("run:run_8", read("running"));
    expect(await b.get("run:run_8", read("completed"))).toMatchObject({ status: "running", read: 1 });
    expect(await a.refresh("run:run_8", read("completed"))).toMatchObject({ status: "completed", read: 2 });
    expect(await b.get("run:run_8", read("running"))).toMatchObject({ status: "completed", read: 2 });
    expect(reads).toBe(2);
  });
});

describe("SharedPoll without a reachable Redis", () => {
  it("reads upstream itself instead of failing the poll", async () => {
    const dead = new Redis("redis://127.0.0.1:1", { maxRetriesPerRequest: 0, retryStrategy: () => null, lazyConnect: true, enableOfflineQueue: false });
    dead.on("error", () => {});
    const poll = new SharedPoll<Run>({ commands: dead, subscriber: dead, instanceId: "x" }, { freshMs: 1_000, terminalMs: 1_000, lockMs: 500, isTerminal: () => false });
    expect(await poll.get("run:run_7", async () => ({ id: "run_7", status: "running", read: 1 }))).toMatchObject({ read: 1 });
    dead.disconnect();
  });
});
