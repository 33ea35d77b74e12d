import { describe, expect, it } from "vitest";
import { choiceAfterToggle, shownTheme, THEME_SCRIPT, THEME_STORAGE_KEY } from "@/components/layout/theme";

function runScript(stored: string | null, { throws = false } = {}) {
  const dataset: Record<string, string> = {};
  const localStorage = {
    getItem: (key: string) => {
      if (throws) throw new Error("storage is off");
      return key === THEME_STORAGE_KEY ? stored : null;
    },
  };
  new Function("localStorage", "document", THEME_SCRIPT)(localStorage, { documentElement: { dataset } });
  return dataset.theme;
}

describe("the theme script in <head>", () => {
  it("applies a remembered choice before the first paint", () => {
    expect(runScript("dark")).toBe("dark");
    expect(runScript("light")).toBe("light");
  });

  it("leaves the system in charge without a choice, with a stray value, or without storage", () => {
    expect(runScript(null)).toBeUndefined();
    expect(runScript("purple")).toBeUndefined();
    expect(runScript("dark", { throws: true })).toBeUndefined();
  });
});

describe("toggling the theme", () => {
  it("remembers the theme that differs from the system's", () => {
    expect(choiceAfterToggle("light", "light")).toBe("dark");
    expect(choiceAfterToggle("dark", "dark")).toBe("light");
  });

  it("forgets the choice when the toggle lands on the system's theme", () => {
    expect(choiceAfterToggle("dark", "light")).toBeNull();
    expect(choiceAfterToggle("light", "dark")).toBeNull();
  });

  it("shows the choice, else the system's theme", () => {
    expect(shownTheme("dark", false)).toBe("dark");
    expect(shownTheme("light", true)).toBe("light");
    expect(shownTheme(undefined, true)).toBe("dark");
    expect(shownTheme("", false)).toBe("light");
  });
});
