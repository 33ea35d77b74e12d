/**
 * A full garbage collection in another Node process, from outside it: SIGUSR1 opens the
 * process's inspector (Node's documented behaviour), and the DevTools protocol's
 * `HeapProfiler.collectGarbage` runs a full GC. The benchmark uses it to tell memory the
 * server holds from memory V8 has simply not collected yet; nothing in the product changes.
 */
import { WebSocket } from "undici";

const INSPECTOR_PORT = 9229;

interface Target {
  webSocketDebuggerUrl: string;
}

export interface Inspector {
  /** A full GC; then the JS heap in use, in MB. */
  collectGarbage(): Promise<{ heapUsedMb: number }>;
  close(): void;
}

async function targetOf(pid: number): Promise<Target> {
  process.kill(pid, "SIGUSR1");
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      const targets = (await (await fetch(`http://127.0.0.1:${INSPECTOR_PORT}/json/list`)).json()) as Target[];
      if (targets.length === 1) return targets[0]!;
      throw new Error(`${targets.length} inspector targets on port ${INSPECTOR_PORT}`);
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`the inspector of process ${pid} did not open on port ${INSPECTOR_PORT}: ${String(error)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

export async function openInspector(pid: number): Promise<Inspector> {
  const target = await targetOf(pid);
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener("open", () => resolve(), { once: true });
    socket.addEventListener("error", () => reject(new Error("could not connect to the inspector")), { once: true });
  });
  let nextId = 1;
  const pending = new Map<number, (result: Record<string, unknown>) => void>();
  socket.addEventListener("message", (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: Record<string, unknown> };
    if (message.id !== undefined) pending.get(message.id)?.(message.result ?? {});
  });
  const call = (method: string, params?: Record<string, unknown>) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      socket.send(JSON.stringify({ id, method, params }));
    });
  // Port 9229 may belong to another process that opened its inspector earlier.
  const answer = (await call("Runtime.evaluate", { expression: "process.pid", returnByValue: true })) as { result?: { value?: unknown } };
  if (answer.result?.value !== pid) {
    socket.close();
    throw new Error(`the inspector on port ${INSPECTOR_PORT} belongs to process ${String(answer.result?.value)}, not ${pid}`);
  }
  return {
    async collectGarbage() {
      await call("HeapProfiler.collectGarbage");
      const usage = await call("Runtime.getHeapUsage");
      return { heapUsedMb: Number(usage.usedSize) / 1048576 };
    },
    close: () => socket.close(),
  };
}
