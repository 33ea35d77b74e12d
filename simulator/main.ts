import { optionsFromEnv } from "./env";
import { startSimulator } from "./server";

// CLI entry: `npm run simulator`. The start script parses the single "listening" line.
async function main(): Promise<void> {
  let options;
  try {
    options = optionsFromEnv(process.env);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  const simulator = await startSimulator(options);
  console.log(`FLORA simulator listening on ${simulator.baseURL}`);
  const stop = (signal: string) => {
    console.error(`simulator: ${signal}, closing`);
    simulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error("simulator: failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
