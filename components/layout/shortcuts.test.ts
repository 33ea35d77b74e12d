import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isTypingTarget, SHORTCUT_GROUPS } from "@/components/layout/shortcuts";

// The help dialog must list every key the code handles: each `event.key === "…"` in the
// components is looked up in the list (Escape that closes a dialog natively is listed too).

const components = path.resolve(import.meta.dirname, "..");
const SHOWN_AS: Record<string, string> = { ArrowLeft: "←", ArrowRight: "→", ArrowUp: "↑", ArrowDown: "↓", Escape: "Esc" };

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("the keyboard help", () => {
  it("lists every key a component handles", () => {
    const listed = new Set(SHORTCUT_GROUPS.flatMap((group) => group.shortcuts.flatMap((shortcut) => shortcut.keys)));
    const handled = new Set<string>();
    for (const file of sourceFiles(components)) {
      const source = fs.readFileSync(file, "utf8");
      for (const match of source.matchAll(/\.key\s*[!=]==\s*"([^"]+)"/g)) handled.add(match[1]!);
      // A lookup table indexed by the key: `{ ArrowDown: 1, … }[event.key]`.
      for (const table of source.matchAll(/\{([^{}]*)\}\[event\.key\]/g)) {
        for (const entry of table[1]!.matchAll(/([A-Za-z]+)\s*:/g)) handled.add(entry[1]!);
      }
    }
    expect(handled.size).toBeGreaterThan(3);
    const missing = [...handled].filter((key) => !listed.has(SHOWN_AS[key] ?? key));
    expect(missing).toEqual([]);
  });

  it("leaves keys alone while the teammate types or chooses", () => {
    expect(isTypingTarget({ tagName: "INPUT" } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: "SELECT" } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: "DIV", isContentEditable: true } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: "A", isContentEditable: false } as unknown as EventTarget)).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
