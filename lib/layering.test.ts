import path from "node:path";
import { describe, expect, it } from "vitest";
import { moduleOf, parseSource, readSources, valueChainTo, type SourceFile } from "@/lib/testing/import-graph";

/**
 * The layering of README's "Layout", checked on the imports themselves:
 * foundation ← lib/flora ← lib/http (with lib/auth) ← domain modules ← routes and pages.
 */
const root = path.resolve(__dirname, "..");
const files = readSources(root, ["lib", "app", "components"]);
const isTestCode = (id: string) => id.endsWith(".test") || id.startsWith("lib/testing/") || /\/testing\//.test(id);
const sources = [...new Set(files.values())].filter((file) => !isTestCode(file.id));

/** Utilities every layer may use; they import nothing of the layers above. */
const FOUNDATION = ["lib/env", "lib/env-schema", "lib/log", "lib/errors", "lib/ids", "lib/cache", "lib/net", "lib/db", "lib/money", "lib/format", "lib/safe-url", "lib/clipboard", "lib/zip"];

function outsideImports(file: SourceFile, allowed: (target: string) => boolean): string[] {
  return file.imports.filter((edge) => !allowed(edge.target)).map((edge) => `${file.id} → ${edge.target}`);
}

describe("the layering", () => {
  it("reads the whole tree", () => {
    expect(sources.length).toBeGreaterThan(300);
    expect(sources.filter((file) => file.clientModule).length).toBeGreaterThan(40);
    expect(sources.filter((file) => file.serverOnly).length).toBeGreaterThan(20);
  });

  it("has no lib/gateway any more: its two jobs are lib/http and lib/flora", () => {
    expect([...files.keys()].filter((id) => id.startsWith("lib/gateway/"))).toEqual([]);
  });

  it("lib/flora imports nothing above it", () => {
    const allowed = ["lib/flora", "lib/errors", "lib/env", "lib/env-schema", "lib/log", "lib/cache", "lib/ids", "lib/redis"];
    const flora = sources.filter((file) => moduleOf(file.id) === "lib/flora");
    expect(flora.length).toBeGreaterThan(8);
    expect(flora.flatMap((file) => outsideImports(file, (target) => allowed.includes(moduleOf(target))))).toEqual([]);
  });

  it("lib/http imports lib/flora, the foundation and who-is-calling (lib/auth, a token's format and memory), no domain module", () => {
    const allowed = new Set(["lib/http", "lib/flora", "lib/auth", "lib/redis", ...FOUNDATION]);
    const tokenVerification = new Set(["lib/tokens/token-format", "lib/tokens/remembered-bearer"]);
    const http = sources.filter((file) => moduleOf(file.id) === "lib/http");
    expect(http.length).toBeGreaterThan(8);
    expect(http.flatMap((file) => outsideImports(file, (target) => allowed.has(moduleOf(target)) || tokenVerification.has(target)))).toEqual([]);
  });

  it("the foundation imports no layer above it", () => {
    const foundation = sources.filter((file) => FOUNDATION.includes(moduleOf(file.id)));
    // The store's Postgres test reaches search; tests are left out above, so this is source only.
    expect(foundation.flatMap((file) => outsideImports(file, (target) => FOUNDATION.includes(moduleOf(target)) || target === "lib/redis"))).toEqual([]);
  });

  it("nothing in lib imports a route, page or component", () => {
    const lib = sources.filter((file) => file.id.startsWith("lib/"));
    expect(lib.flatMap((file) => outsideImports(file, (target) => !target.startsWith("app/") && !target.startsWith("components/")))).toEqual([]);
  });

  it("browser code takes FLORA's types and statuses from lib/flora/wire only, and reaches nothing server-only", () => {
    const client = sources.filter((file) => file.clientModule);
    expect(
      client.flatMap((file) => outsideImports(file, (target) => moduleOf(target) !== "lib/flora" || target === "lib/flora/wire")),
    ).toEqual([]);
    const chains = client
      .map((file) => valueChainTo(files, file.id, (reached) => reached.serverOnly))
      .filter((chain): chain is string[] => chain !== null)
      .map((chain) => chain.join(" → "));
    expect(chains).toEqual([]);
  });
});

describe("the checker", () => {
  it("tells type imports from value imports and follows only the latter", () => {
    const graph = new Map<string, SourceFile>([
      ["components/a", parseSource("components/a", `"use client";\nimport type { X } from "@/lib/secret";\nimport { y } from "./b";\n`)],
      ["components/b", parseSource("components/b", `import { z } from "@/lib/server";\n`)],
      ["lib/server", parseSource("lib/server", `import "server-only";\nexport const z = 1;\n`)],
      ["lib/secret", parseSource("lib/secret", `import "server-only";\nexport type X = 1;\n`)],
    ]);
    expect(graph.get("components/a")).toMatchObject({ clientModule: true, imports: [{ target: "lib/secret", typeOnly: true }, { target: "components/b", typeOnly: false }] });
    expect(valueChainTo(graph, "components/a", (file) => file.serverOnly)).toEqual(["components/a", "components/b", "lib/server"]);
    expect(valueChainTo(graph, "components/b", (file) => file.id === "lib/secret")).toBeNull();
  });

  it("names a layer by its top folder", () => {
    expect(moduleOf("lib/flora/cache/poll-cache")).toBe("lib/flora");
    expect(moduleOf("lib/env")).toBe("lib/env");
    expect(moduleOf("components/runs/detail/run-heading")).toBe("components");
  });
});
