import fs from "node:fs";

/**
 * Resident memory (MB) of the dashboard server the suite started: the process running
 * scripts/serve.ts on the suite's port, found through /proc (Linux, as in CI).
 */
export function serverRssMb(): number {
  const port = process.env.E2E_APP_PORT ?? "";
  for (const pid of fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const command = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      if (command.some((part) => part.endsWith("scripts/serve.ts")) && command.includes(port)) {
        return Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]) / 1024;
      }
    } catch {
      // gone while we looked
    }
  }
  throw new Error(`no dashboard server on port ${port}`);
}
