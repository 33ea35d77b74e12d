import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RUN_CHANGES_CHANNEL, RunChangeBus, type RunChange } from "@/lib/runs/run-events";
import { hasRedisServer, redisInstances, startRedis, within, type RedisServer } from "@/lib/testing/redis";

const change = (runId: string, status: RunChange["status"] = "completed"): RunChange => ({ run_id: runId, status, kind: "generation", at: 1 });

describe("RunChangeBus in memory (no REDIS_URL)", () => {
  it("tells every listener once, and no longer after it unsubscribes", () => {
    const bus = new RunChangeBus(() => null);
    const heard: string[] = [];
    const stopA = bus.on((c) => heard.push(`a:${c.run_id}`));
    bus.on((c) => heard.push(`b:${c.run_id}`));
    bus.publish(change("run_1"));
    stopA();
    bus.publish(change("run_2"));
    expect(heard).toEqual(["a:run_1", "b:run_1", "b:run_2"]);
  });

  it("a listener that throws does not keep the change from the others", () => {
    const bus = new RunChangeBus(() => null);
    const heard: string[] = [];
    bus.on(() => {
      throw new Error("broken watcher");
    });
    bus.on((c) => heard.push(c.run_id));
    expect(() => bus.publish(change("run_3"))).not.toThrow();
    expect(heard).toEqual(["run_3"]);
  });
});

describe.skipIf(!hasRedisServer())("RunChangeBus across two instances over Redis", () => {
  let server: RedisServer;
  const instances = redisInstances(() => server.url);
  const buses: RunChangeBus[] = [];

  beforeAll(async () => {
    server = await startRedis();
  });
  afterAll(async () => {
    await Promise.all(buses.map((bus) => bus.close()));
    instances.disconnectAll();
    await server?.stop();
  });

  async function bus(name: string): Promise<{ bus: RunChangeBus; heard: RunChange[] }> {
    const redis = await instances.instance(name);
    const made = new RunChangeBus(() => redis);
    buses.push(made);
    const heard: RunChange[] = [];
    made.on((c) => heard.push(c));
    await made.ready();
    return { bus: made, heard };
  }

  it("a change published on one instance reaches the other's listeners once, and its own once (no echo)", async () => {
    const a = await bus("a");
    const b = await bus("b");
    a.bus.publish(change("run_10"));
    await within(2_000, () => b.heard.length === 1);
    expect(b.heard).toEqual([change("run_10")]);
    // Give an echo of a's own message time to arrive: it must be skipped.
    b.bus.publish(change("run_11", "failed"));
    await within(2_000, () => a.heard.length === 2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(a.heard.map((c) => c.run_id)).toEqual(["run_10", "run_11"]);
    expect(b.heard.map((c) => c.run_id)).toEqual(["run_10", "run_11"]);
  });

  it("ignores what is not a run change on the channel", async () => {
    const a = await bus("c");
    const probe = instances.probe();
    await probe.publish(RUN_CHANGES_CHANNEL, "not json");
    await probe.publish(RUN_CHANGES_CHANNEL, JSON.stringify({ run_id: "run_x", status: "exploded", kind: "generation", at: 1, from: "z" }));
    await probe.publish(RUN_CHANGES_CHANNEL, JSON.stringify({ ...change("run_12"), from: "z" }));
    await within(2_000, () => a.heard.length === 1);
    expect(a.heard).toEqual([change("run_12")]);
  });
});
