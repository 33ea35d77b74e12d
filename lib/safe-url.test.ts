import { describe, expect, it } from "vitest";
import { toSafeHttpUrl } from "@/lib/safe-url";

describe("toSafeHttpUrl", () => {
  it("keeps absolute http and https URLs", () => {
    expect(toSafeHttpUrl("https://media.flora.ai/a.png")).toBe("https://media.flora.ai/a.png");
    expect(toSafeHttpUrl("http://127.0.0.1:4010/media/x.wav")).toBe("http://127.0.0.1:4010/media/x.wav");
  });

  it.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "/relative/path.png",
    "//evil.example/x.png",
    "file:///etc/passwd",
    "not a url",
    "",
  ])("refuses %s", (candidate) => {
    expect(toSafeHttpUrl(candidate)).toBeNull();
  });
});
