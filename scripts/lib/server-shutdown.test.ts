import http from "node:http";
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { shutDownServer } from "./server-shutdown";

const servers: http.Server[] = [];
const agents: http.Agent[] = [];

/** A server whose /slow/<ms> answers after <ms> and /hang never answers. */
async function startServer(): Promise<{ server: http.Server; port: number }> {
  const server = http.createServer((request, response) => {
    const slow = /^\/slow\/(\d+)$/.exec(request.url ?? "");
    if (request.url === "/hang") return;
    setTimeout(() => response.end("done"), slow ? Number(slow[1]) : 0);
  });
  // Far longer than any test: a socket closed early was closed by the shutdown.
  server.keepAliveTimeout = 60_000;
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, port: (server.address() as net.AddressInfo).port };
}

function keepAliveAgent() {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  agents.push(agent);
  return agent;
}

function get(port: number, path: string, agent?: http.Agent): Promise<{ status: number; body: string; connection?: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path, agent: agent ?? false }, (response) => {
        let body = "";
        response.on("data", (chunk: Buffer) => (body += chunk.toString()));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body, connection: response.headers.connection }));
      })
      .on("error", reject);
  });
}

function connects(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => {
  for (const agent of agents.splice(0)) agent.destroy();
  for (const server of servers.splice(0)) server.closeAllConnections();
});

describe("shutDownServer", () => {
  it("lets a request in flight finish and refuses new connections meanwhile", async () => {
    const { server, port } = await startServer();
    const inFlight = get(port, "/slow/600");
    await pause(100);

    const stopped = shutDownServer(server, { drainMs: 5_000 });
    await pause(50);
    expect(await connects(port)).toBe(false);

    await expect(inFlight).resolves.toMatchObject({ status: 200, body: "done" });
    await expect(stopped).resolves.toEqual({ forced: false });
  });

  it("closes a keep-alive socket as soon as its request is answered, not at the keep-alive timeout", async () => {
    const { server, port } = await startServer();
    const agent = keepAliveAgent();
    await get(port, "/slow/0", agent);
    const inFlight = get(port, "/slow/300", agent);
    await pause(50);

    const startedAt = Date.now();
    const result = await shutDownServer(server, { drainMs: 5_000 });

    expect(result).toEqual({ forced: false });
    expect(Date.now() - startedAt).toBeLessThan(1_500);
    await expect(inFlight).resolves.toMatchObject({ status: 200 });
  });

  it("closes an idle keep-alive socket right away", async () => {
    const { server, port } = await startServer();
    await get(port, "/slow/0", keepAliveAgent());

    const startedAt = Date.now();
    await expect(shutDownServer(server, { drainMs: 5_000 })).resolves.toEqual({ forced: false });
    expect(Date.now() - startedAt).toBeLessThan(500);
  });

  it("answers a request that arrives on a socket opened before the stop, with connection: close", async () => {
    const { server, port } = await startServer();
    const socket = net.connect(port, "127.0.0.1");
    let received = "";
    socket.on("data", (chunk: Buffer) => (received += chunk.toString()));
    const ended = new Promise<void>((resolve) => socket.once("close", () => resolve()));
    const waitFor = async (count: number) => {
      while ((received.match(/done/g) ?? []).length < count) await pause(10);
    };
    socket.write("GET /slow/300 HTTP/1.1\r\nHost: test\r\n\r\n");
    await pause(50);

    // The sweep is slowed down so that the socket is still open for a second request.
    const stopped = shutDownServer(server, { drainMs: 5_000, idleSweepMs: 10_000 });
    await waitFor(1);
    socket.write("GET /slow/0 HTTP/1.1\r\nHost: test\r\n\r\n");
    await waitFor(2);
    await ended;

    const second = received.slice(received.lastIndexOf("HTTP/1.1 "));
    expect(second).toMatch(/^HTTP\/1\.1 200/);
    expect(second.toLowerCase()).toContain("connection: close");
    await expect(stopped).resolves.toEqual({ forced: false });
  });

  it("cuts requests still running at the deadline and says so", async () => {
    const { server, port } = await startServer();
    const hanging = get(port, "/hang").then(
      () => "answered",
      () => "cut off",
    );
    await pause(50);

    const startedAt = Date.now();
    const result = await shutDownServer(server, { drainMs: 400 });

    expect(result).toEqual({ forced: true });
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(390);
    expect(Date.now() - startedAt).toBeLessThan(1_500);
    await expect(hanging).resolves.toBe("cut off");
  });

  it("runs the clean-ups after the server closed, in order, past one that fails or hangs", async () => {
    const { server, port } = await startServer();
    const inFlight = get(port, "/slow/200");
    await pause(50);
    const steps: string[] = [];
    const messages: string[] = [];

    await shutDownServer(server, {
      drainMs: 5_000,
      cleanUpMs: 100,
      log: (message) => messages.push(message),
      afterClose: [
        async () => {
          steps.push(`next (server listening: ${server.listening}, request answered: ${await isSettled(inFlight)})`);
        },
        async () => {
          steps.push("fails");
          throw new Error("boom");
        },
        () => new Promise(() => steps.push("hangs")),
        async () => {
          steps.push("store");
        },
      ],
    });

    expect(steps).toEqual(["next (server listening: false, request answered: true)", "fails", "hangs", "store"]);
    expect(messages.join("\n")).toMatch(/boom/);
    expect(messages.join("\n")).toMatch(/did not finish within 100 ms/);
  });

  it("runs the clean-ups when there is no server yet (a signal during start-up)", async () => {
    const steps: string[] = [];
    await expect(shutDownServer(undefined, { drainMs: 5_000, afterClose: [async () => steps.push("store")] })).resolves.toEqual({ forced: false });
    expect(steps).toEqual(["store"]);
  });
});

function isSettled(promise: Promise<unknown>): Promise<boolean> {
  return Promise.race([promise.then(() => true), pause(0).then(() => false)]);
}
