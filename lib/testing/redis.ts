import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import net from "node:net";
import { Redis } from "ioredis";
import type { SharedRedis } from "@/lib/redis/connection";
import { freePort } from "@/lib/testing/free-port";

/**
 * A throwaway redis-server for tests: no persistence, loopback only, on a free port; stopped
 * when the test is done. Debian's `redis-server` package provides the binary (.ci/run
 * installs it); `hasRedisServer()` lets a test file skip itself, saying why, where it is missing.
 */
export interface RedisServer {
  /** redis://127.0.0.1:PORT */
  url: string;
  port: number;
  stop(): Promise<void>;
}

export const hasRedisServer = (): boolean => spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status === 0;

/** Resolves once the server accepts a connection (it answers PING), within 10 s. */
async function waitForPing(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
    const answered = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => socket.write("PING\r\n"));
      socket.once("data", (data) => (socket.destroy(), resolve(data.toString().startsWith("+PONG"))));
      socket.once("error", () => resolve(false));
    });
    if (answered) return;
    if (Date.now() > deadline) throw new Error("redis-server did not answer PING within 10 s");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: "ignore",
  });
  try {
    await waitForPing(port, child);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/**
 * "Instances" for tests of state shared between processes: each has its own pair of
 * connections (commands and subscriber), as a separate process would, ready before use.
 * `disconnectAll` closes every pair made.
 */
export function redisInstances(url: () => string) {
  const opened: Redis[] = [];
  return {
    async instance(name: string, { at = url(), reconnectMs = 100 }: { at?: string; reconnectMs?: number } = {}): Promise<SharedRedis> {
      const clients = [0, 1].map(() => new Redis(at, { maxRetriesPerRequest: 1, retryStrategy: () => reconnectMs }));
      for (const client of clients) client.on("error", () => {});
      opened.push(...clients);
      await Promise.all(clients.map((client) => client.status === "ready" || once(client, "ready")));
      return { commands: clients[0]!, subscriber: clients[1]!, instanceId: name };
    },
    /** The first connection made, for looking into Redis directly. */
    probe: () => opened[0]!,
    disconnectAll: () => opened.splice(0).forEach((client) => client.disconnect()),
  };
}

/** Polls `check` every 5 ms until it holds, for at most `ms`; resolves to how long it took. */
export async function within(ms: number, check: () => boolean): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return Date.now() - started;
}
