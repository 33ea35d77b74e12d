import fs from "node:fs";

/**
 * How to launch a browser on these machines: Debian's Chromium when it is installed (the
 * flags keep it off the closed network), else Playwright's own browser if one is there.
 * Shared by the e2e config and the benchmarks.
 */
export const DEBIAN_CHROMIUM = "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export function chromiumLaunchOptions(): { executablePath?: string; args?: string[] } {
  return fs.existsSync(DEBIAN_CHROMIUM) ? { executablePath: DEBIAN_CHROMIUM, args: CHROMIUM_ARGS } : {};
}
