import { describe, expect, it } from "vitest";
import { captionFacts, formatBytes, formatMediaDuration, formatOf } from "@/components/runs/outputs/output-facts";
import type { RunOutput } from "@/lib/flora/wire";

const image: RunOutput = { output_id: "out_1", type: "imageUrl", url: "https://media.example/runs/run_a/0.png?sig=abc" };
const video: RunOutput = { output_id: "out_2", type: "videoUrl", url: "https://media.example/clip" };

describe("output facts", () => {
  it("names the format from the content type first, then the URL's extension", () => {
    expect(formatOf(image)).toBe("PNG");
    expect(formatOf(image, "image/webp; charset=binary")).toBe("WebP");
    expect(formatOf(video)).toBeUndefined();
    expect(formatOf(video, "application/octet-stream")).toBeUndefined();
    expect(formatOf({ ...image, url: "not a url" })).toBeUndefined();
  });

  it("formats sizes and durations as people read them", () => {
    expect(formatBytes(999)).toBe("999 B");
    expect(formatBytes(1_234)).toBe("1.2 kB");
    expect(formatBytes(45_600)).toBe("46 kB");
    expect(formatBytes(3_400_000)).toBe("3.4 MB");
    expect(formatMediaDuration(8.24)).toBe("8.2 s");
    expect(formatMediaDuration(62)).toBe("1:02");
    expect(formatMediaDuration(3723)).toBe("1:02:03");
  });

  it("lists only the facts that are known, in reading order", () => {
    expect(captionFacts(image, {})).toEqual(["PNG"]);
    expect(captionFacts(image, { width: 1024, height: 768, bytes: 52_000, contentType: "image/png" })).toEqual(["1024×768", "PNG", "52 kB"]);
    expect(captionFacts(video, { width: 1280, height: 720, duration: 5, contentType: "video/webm", bytes: 2_100_000 })).toEqual([
      "1280×720",
      "5.0 s",
      "WebM",
      "2.1 MB",
    ]);
    expect(captionFacts(video, { duration: Infinity })).toEqual([]);
  });

  it("counts a text output's characters and bytes from the text itself", () => {
    expect(captionFacts({ output_id: "t", type: "text", url: "héllo" }, {})).toEqual(["5 characters", "6 B"]);
    expect(captionFacts({ output_id: "t", type: "text", url: "a" }, {})).toEqual(["1 character", "1 B"]);
  });
});
