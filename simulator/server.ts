import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequestListener } from "./app";
import { API_PREFIX, DEFAULT_OPTIONS, type RunningSimulator, type SimulatorOptions } from "./options";
import { SimState } from "./state/sim-state";

export type { RunningSimulator, SimulatorOptions } from "./options";

function originFor(host: string, port: number): string {
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
}

/** Starts a simulator; in-process for Vitest and Playwright, or via main.ts from the CLI. */
export async function startSimulator(overrides: Partial<SimulatorOptions> = {}): Promise<RunningSimulator> {
  const options: SimulatorOptions = { ...DEFAULT_OPTIONS, ...overrides };
  const sim = new SimState(options);
  const server = createServer(createRequestListener(sim));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = originFor(options.host, port);
  sim.publicUrl = (options.publicUrl ?? origin).replace(/\/+$/, "");
  let closing: Promise<void> | undefined;
  return {
    origin,
    baseURL: `${origin}${API_PREFIX}`,
    options: { ...options, port },
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        sim.webhooks.cancelAll();
        server.close((error) => (error ? reject(error) : resolve()));
        // Hung (fault) and keep-alive sockets would otherwise hold close() open.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
