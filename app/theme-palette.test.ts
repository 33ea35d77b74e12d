import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The dark theme is made in app/globals.css by giving Tailwind's colour variables a second
// value. A class using a colour that file does not list would keep its light value in the
// dark theme (a pale badge on a dark page), so every one the components use is checked.

const root = path.resolve(import.meta.dirname, "..");
const css = fs.readFileSync(path.join(root, "app/globals.css"), "utf8");

const HUES = "red|orange|amber|yellow|lime|green|emerald|teal|cyan|sky|blue|indigo|violet|purple|fuchsia|pink|rose|slate|gray|zinc|neutral|stone";
const COLOUR_CLASS = new RegExp(`\\b(?:bg|text|border(?:-[trblxy])?|ring|outline|divide|fill|stroke|from|via|to|decoration|accent|shadow|placeholder|caret)-(${HUES})-(\\d{2,3})\\b`, "g");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function coloursUsed(): Set<string> {
  const used = new Set<string>();
  for (const file of [...sourceFiles(path.join(root, "app")), ...sourceFiles(path.join(root, "components"))]) {
    for (const match of fs.readFileSync(file, "utf8").matchAll(COLOUR_CLASS)) used.add(`${match[1]}-${match[2]}`);
  }
  return used;
}

/** The variables globals.css gives a light and a dark value. */
function themedVariables(): Map<string, string> {
  const themed = new Map<string, string>();
  for (const match of css.matchAll(/--color-([a-z-]+\d*):\s*light-dark\(([^;]+)\);/g)) themed.set(match[1]!, match[2]!);
  return themed;
}

describe("the dark palette", () => {
  it("gives every palette colour a component uses a dark value", () => {
    const themed = themedVariables();
    const missing = [...coloursUsed()].filter((colour) => !colour.endsWith("-500") && !themed.has(colour));
    expect(missing, "add these hues to the mirrored palette in app/globals.css").toEqual([]);
  });

  it("themes the design tokens and the white and black the components draw with", () => {
    const themed = themedVariables();
    for (const token of ["canvas", "ink", "muted", "accent", "accent-soft", "white", "black"]) expect(themed.has(token), token).toBe(true);
    const config = fs.readFileSync(path.join(root, "tailwind.config.ts"), "utf8");
    // The config names the tokens; a literal colour there would skip the dark theme.
    expect(config).not.toMatch(/#[0-9a-f]{3,8}\b/i);
  });

  it("mirrors a shade with the one across the scale", () => {
    const themed = themedVariables();
    const [light50] = themed.get("rose-50")!.split(/,\s*(?=oklch)/);
    expect(themed.get("rose-950")!.endsWith(light50!)).toBe(true);
  });
});
