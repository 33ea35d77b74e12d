import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCacheKey, runPollCache, SHARED_LOCAL_FRESH_MS, whenRunEnds } from "@/lib/flora/cache/run-poll-cache";
import type { Run } from "@/lib/flora/schemas";
import { connectRedis, disconnectRedis } from "@/lib/redis/connection";
import { hasRedisServer, startRedis, type RedisServer } from "@/lib/testing/redis";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const run = (id: string, status: Run["status"]) => ({ run_id: id, status }) as unknown as Run;

describe.skipIf(!hasRedisServer())("the process's run cache, with REDIS_URL", () => {
  let server: RedisServer;
  let probe: Redis;

  beforeAll(async () => {
    server = await startRedis();
    probe = new Redis(server.url);
    connectRedis(server.url, "test-instance");
  });
  afterAll(async () => {
    await disconnectRedis();
    await probe.quit();
    await server?.stop();
  });

  it("shares what it read in Redis, and reads it back from there once its own memory has let go", async () => {
    let reads = 0;
    const load = async () => (reads += 1, run("run_shared1", "running"));
    await runPollCache().get(runCacheKey("run_shared1"), load);
    expect(JSON.parse((await probe.get("atelier:poll:run:run_shared1"))!)).toMatchObject({ run_id: "run_shared1" });
    await sleep(SHARED_LOCAL_FRESH_MS + 50);
    expect(runPollCache().peek(runCacheKey("run_shared1"))).toBeUndefined();
    await runPollCache().get(runCacheKey("run_shared1"), load);
    expect(reads).toBe(1);
  });

  it("tells the run-end listeners only when this instance read the finished run upstream", async () => {
    const ended: string[] = [];
    whenRunEnds("test", (finished) => ended.push(finished.run_id));
    // Another instance read it and shared it: this one answers from Redis and tells nobody.
    await probe.set("atelier:poll:run:run_elsewhere", JSON.stringify(run("run_elsewhere", "completed")), "PX", 60_000);
    await runPollCache().get(runCacheKey("run_elsewhere"), async () => run("run_elsewhere", "completed"));
    await runPollCache().get(runCacheKey("run_here"), async () => run("run_here", "completed"));
    expect(ended).toEqual(["run_here"]);
  });
});
