import { describe, expect, it } from "vitest";
import { opensElsewhere } from "@/components/ui/app-link";

const here = "https://atelier.example";
const plain = { button: 0, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false };
function anchor(origin: string, attributes: Record<string, string> = {}) {
  return { origin, getAttribute: (name: string) => attributes[name] ?? null, hasAttribute: (name: string) => name in attributes };
}

describe("opensElsewhere", () => {
  it("keeps a plain left click on a link of this site in the app", () => {
    expect(opensElsewhere(plain, anchor(here), here)).toBe(false);
    expect(opensElsewhere(plain, anchor(here, { target: "_self" }), here)).toBe(false);
  });

  it("leaves a new tab, a new window, a download and the middle button to the browser", () => {
    for (const modifier of ["metaKey", "ctrlKey", "shiftKey", "altKey"] as const) {
      expect(opensElsewhere({ ...plain, [modifier]: true }, anchor(here), here)).toBe(true);
    }
    expect(opensElsewhere({ ...plain, button: 1 }, anchor(here), here)).toBe(true);
    expect(opensElsewhere(plain, anchor(here, { target: "_blank" }), here)).toBe(true);
    expect(opensElsewhere(plain, anchor(here, { download: "" }), here)).toBe(true);
  });

  it("leaves a link to another site to the browser", () => {
    expect(opensElsewhere(plain, anchor("https://flora.example"), here)).toBe(true);
    expect(opensElsewhere(plain, anchor("http://atelier.example"), here)).toBe(true);
  });
});
