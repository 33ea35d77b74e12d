import fs from "node:fs";
import path from "node:path";

/** One import of a module: where it points (repo-relative, without extension) and whether it is types only. */
export interface ImportEdge {
  target: string;
  typeOnly: boolean;
}

export interface SourceFile {
  /** Repo-relative, without extension: `lib/flora/reads`. */
  id: string;
  clientModule: boolean;
  serverOnly: boolean;
  imports: ImportEdge[];
}

const IMPORT = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?["']([^"']+)["']/gm;
const MOCK = /vi\.mock\(\s*["']([^"']+)["']/g;

/** `@/lib/x`, `../lib/x` or `./x` as a repo-relative id; anything from node_modules is null. */
function resolveSpecifier(fromId: string, specifier: string): string | null {
  if (specifier.startsWith("@/")) return specifier.slice(2);
  if (specifier.startsWith(".")) return path.posix.normalize(path.posix.join(path.posix.dirname(fromId), specifier));
  return null;
}

/** Reads a file's imports; `vi.mock` paths count as value imports of tests. */
export function parseSource(id: string, text: string): SourceFile {
  const imports: ImportEdge[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const target = resolveSpecifier(id, match[3]!);
    if (target) imports.push({ target, typeOnly: Boolean(match[2]) });
  }
  for (const match of text.matchAll(MOCK)) {
    const target = resolveSpecifier(id, match[1]!);
    if (target) imports.push({ target, typeOnly: false });
  }
  return {
    id,
    clientModule: /^\s*["']use client["']/m.test(text.slice(0, 200)),
    serverOnly: /^import\s+["']server-only["']/m.test(text),
    imports,
  };
}

/** Every .ts/.tsx file under the given folders, keyed by id; index files answer for their folder. */
export function readSources(root: string, folders: string[]): Map<string, SourceFile> {
  const files = new Map<string, SourceFile>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) {
        const id = rel.replace(/\.tsx?$/, "");
        const source = parseSource(id, fs.readFileSync(path.join(root, rel), "utf8"));
        files.set(id, source);
        if (id.endsWith("/index")) files.set(id.slice(0, -"/index".length), source);
      }
    }
  };
  for (const folder of folders) walk(folder);
  return files;
}

/** The top folder an id belongs to, for layer rules: `lib/flora`, `lib/env`, `app`, `components`. */
export function moduleOf(id: string): string {
  const parts = id.split("/");
  return parts[0] === "lib" ? `lib/${parts[1]!.replace(/\.test$/, "")}` : parts[0]!;
}

/**
 * The first chain of value imports from `start` that reaches a file for which `forbidden`
 * holds, or null. Type-only imports are erased at build time and never followed.
 */
export function valueChainTo(files: Map<string, SourceFile>, start: string, forbidden: (file: SourceFile) => boolean): string[] | null {
  const seen = new Set<string>();
  const visit = (id: string, chain: string[]): string[] | null => {
    if (seen.has(id)) return null;
    seen.add(id);
    const file = files.get(id);
    if (!file) return null;
    if (forbidden(file)) return chain;
    for (const edge of file.imports) {
      if (edge.typeOnly) continue;
      const found = visit(edge.target, [...chain, edge.target]);
      if (found) return found;
    }
    return null;
  };
  return visit(start, [start]);
}
