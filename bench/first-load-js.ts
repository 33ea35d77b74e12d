/**
 * `npm run bench:first-load`: the history page's first-load JavaScript beside what Next,
 * React and React Query cost by themselves, measured the same way in one run. See
 * bench/README.md.
 *
 * The baseline is a throwaway Next app in a temporary folder, with a hard-linked copy of
 * this project's node_modules (the same next, react and @tanstack/react-query; Turbopack
 * compiles nothing outside an app's own root, and inside this repo Next would pick up the
 * project's proxy.ts and instrumentation): one client component with a QueryClientProvider,
 * HydrationBoundary, useQuery and useInfiniteQuery, the React Query pieces the history page
 * uses. Both pages are loaded cold in a fresh browser context; the /_next/static scripts
 * fetched until `load` + 1 s are read from each build's .next/static and gzipped at level 9.
 */
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "@playwright/test";
import { chromiumLaunchOptions } from "../e2e/support/chromium";
import { firstLoadJs, loadedScripts, type ScriptResource } from "./lib/first-load";
import { freePort } from "../e2e/support/free-port";
import { signIn, startStack } from "./lib/stack";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const baselineDir = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-first-load-baseline-"));
// The baseline's own copy of next, so it and its react are one instance.
const nextBin = path.join(baselineDir, "node_modules", "next", "dist", "bin", "next");
const GOAL_KB_OVER_BASELINE = 12;

const BASELINE_FILES: Record<string, string> = {
  "next.config.mjs": "export default {};\n",
  "app/layout.jsx": `export default function RootLayout({ children }) {
  return (<html lang="en"><body>{children}</body></html>);
}
`,
  "app/page.jsx": `import { Probe } from "./probe";
export default function Page() {
  return <main><h1>Baseline</h1><Probe /></main>;
}
`,
  "app/probe.jsx": `"use client";
import { HydrationBoundary, QueryClient, QueryClientProvider, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState } from "react";

function Figures() {
  const one = useQuery({ queryKey: ["now"], queryFn: async () => Date.now() });
  const pages = useInfiniteQuery({
    queryKey: ["pages"],
    queryFn: async ({ pageParam }) => ({ page: pageParam, next: pageParam < 3 ? pageParam + 1 : undefined }),
    initialPageParam: 0,
    getNextPageParam: (last) => last.next,
  });
  return <p>{String(one.data ?? "…")} · {pages.data?.pages.length ?? 0} pages</p>;
}

export function Probe() {
  const [client] = useState(() => new QueryClient());
  return (
    <QueryClientProvider client={client}>
      <HydrationBoundary state={undefined}><Figures /></HydrationBoundary>
    </QueryClientProvider>
  );
}
`,
};

function run(args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(" ")} exited with ${code}`))));
  });
}

async function waitFor(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not come up`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** One cold load in a fresh context: the scripts it fetched until load + 1 s. */
async function coldLoad(browser: Browser, url: string, cookie?: string): Promise<ScriptResource[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    if (cookie) {
      const [name, ...value] = cookie.split("=");
      await context.addCookies([{ name: name!, value: value.join("="), url }]);
    }
    // tsx keeps function names with a `__name` helper the page does not have.
    await context.addInitScript({ content: "globalThis.__name = (target) => target;" });
    const page = await context.newPage();
    const response = await page.goto(url, { waitUntil: "load" });
    if (!response?.ok()) throw new Error(`GET ${url} answered ${response?.status()}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return await loadedScripts(page);
  } finally {
    await context.close();
  }
}

const kb = (bytes: number) => Math.round(bytes / 10) / 100;

async function main() {
  // Hard links: instant, and no second copy on disk (falls back to a real copy across devices).
  try {
    execFileSync("cp", ["-al", path.join(root, "node_modules"), path.join(baselineDir, "node_modules")]);
  } catch {
    execFileSync("cp", ["-r", path.join(root, "node_modules"), path.join(baselineDir, "node_modules")]);
  }
  for (const [file, content] of Object.entries(BASELINE_FILES)) {
    fs.mkdirSync(path.dirname(path.join(baselineDir, file)), { recursive: true });
    fs.writeFileSync(path.join(baselineDir, file), content);
  }
  console.log("building the baseline app…");
  await run([nextBin, "build"], baselineDir);

  const stack = await startStack(root);
  const baselinePort = await freePort();
  const baseline = spawn(process.execPath, [nextBin, "start", "--port", String(baselinePort), "--hostname", "127.0.0.1"], {
    cwd: baselineDir,
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  let browser: Browser | undefined;
  try {
    const baselineOrigin = `http://127.0.0.1:${baselinePort}`;
    await waitFor(baselineOrigin, 60_000);
    const cookie = await signIn(stack.appOrigin, "admin@atelier.local", "atelier-demo");
    browser = await chromium.launch(chromiumLaunchOptions());
    // Warm both servers' routes first (first render, connection pools); not measured.
    await coldLoad(browser, `${stack.appOrigin}/generations`, cookie);
    await coldLoad(browser, baselineOrigin);
    const history = firstLoadJs(await coldLoad(browser, `${stack.appOrigin}/generations`, cookie), path.join(root, ".next"));
    const base = firstLoadJs(await coldLoad(browser, baselineOrigin), path.join(baselineDir, ".next"));
    const overKb = kb(history.gzip_bytes - base.gzip_bytes);
    const report = {
      date: new Date().toISOString(),
      history: { kb_gzip: kb(history.gzip_bytes), kb_every_page: kb(history.gzip_bytes_every_page), files: history.per_file },
      baseline: { kb_gzip: kb(base.gzip_bytes), kb_every_page: kb(base.gzip_bytes_every_page), files: base.per_file },
      over_baseline_kb: overKb,
      goal_kb: GOAL_KB_OVER_BASELINE,
      met: history.missing.length === 0 && base.missing.length === 0 && overKb <= GOAL_KB_OVER_BASELINE,
    };
    const file = path.join(root, "bench", "results", `first-load-${report.date.replace(/[:.]/g, "-")}.json`);
    fs.writeFileSync(file, JSON.stringify(report, null, 2));
    console.log(`first-load JS, gzip -9 of the scripts fetched until load + 1 s:`);
    console.log(`  /generations: ${report.history.kb_gzip} kB (${history.files} files; ${report.history.kb_every_page} kB in the chunks every page loads)`);
    console.log(`  Next + React + React Query alone: ${report.baseline.kb_gzip} kB (${base.files} files; ${report.baseline.kb_every_page} kB every page)`);
    if (history.missing.length || base.missing.length) console.log(`  files not found on disk: ${[...history.missing, ...base.missing].join(", ")}`);
    console.log(`${report.met ? "met    " : "MISSED "} the history page within ${GOAL_KB_OVER_BASELINE} kB of the baseline (it is ${overKb >= 0 ? "+" : ""}${overKb} kB)`);
    console.log(`full figures: ${path.relative(root, file)}`);
  } finally {
    await browser?.close();
    try {
      process.kill(-baseline.pid!, "SIGTERM");
    } catch {
      // already gone
    }
    await stack.stop();
    fs.rmSync(baselineDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
