import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import type { Page } from "@playwright/test";

export interface ScriptResource {
  path: string;
  encodedBytes: number;
}

/** The /_next/static/ scripts the page fetched so far (resource timing). */
export function loadedScripts(page: Page): Promise<ScriptResource[]> {
  return page.evaluate(() =>
    (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
      .map((entry) => ({ url: new URL(entry.name), entry }))
      .filter(({ url, entry }) => url.pathname.startsWith("/_next/static/") && (entry.initiatorType === "script" || url.pathname.endsWith(".js")))
      .map(({ url, entry }) => ({ path: url.pathname, encodedBytes: entry.encodedBodySize })),
  );
}

/**
 * Gzip (level 9) of each loaded /_next/static/*.js file as the build in `nextDir` has it on
 * disk, split into the chunks every page loads (the build manifest's rootMainFiles) and the rest.
 */
export function firstLoadJs(scripts: ScriptResource[], nextDir: string) {
  const staticDir = path.join(nextDir, "static");
  const manifest = JSON.parse(fs.readFileSync(path.join(nextDir, "build-manifest.json"), "utf8")) as { rootMainFiles?: string[] };
  const shared = new Set((manifest.rootMainFiles ?? []).map((file) => `/_next/${file}`));
  const files = [...new Set(scripts.map((script) => script.path))].map((urlPath) => {
    const file = path.join(staticDir, decodeURIComponent(urlPath.slice("/_next/static/".length)));
    const every_page = shared.has(urlPath);
    if (!file.startsWith(staticDir + path.sep) || !fs.existsSync(file)) return { path: urlPath, every_page, missing: true, raw: 0, gzip: 0 };
    const content = fs.readFileSync(file);
    return { path: urlPath, every_page, missing: false, raw: content.length, gzip: zlib.gzipSync(content, { level: 9 }).length };
  });
  return {
    files: files.length,
    missing: files.filter((file) => file.missing).map((file) => file.path),
    raw_bytes: files.reduce((sum, file) => sum + file.raw, 0),
    gzip_bytes: files.reduce((sum, file) => sum + file.gzip, 0),
    gzip_bytes_every_page: files.filter((file) => file.every_page).reduce((sum, file) => sum + file.gzip, 0),
    served_encoded_bytes: scripts.reduce((sum, script) => sum + script.encodedBytes, 0),
    per_file: files.sort((a, b) => b.gzip - a.gzip),
  };
}
