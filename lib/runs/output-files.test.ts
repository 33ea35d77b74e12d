import { describe, expect, it } from "vitest";
import { archiveFileName, attachmentDisposition, outputFileName } from "@/lib/runs/output-files";

const output = (type: "imageUrl" | "videoUrl" | "audioUrl" | "text" | "documentUrl", url: string) => ({ output_id: "out_1", type, url });

describe("outputFileName", () => {
  it("takes the extension from the URL's path when it has one", () => {
    expect(outputFileName("run_abc", 0, output("imageUrl", "https://cdn.example/x/1.webp?sig=a.b"))).toBe("run_abc-1-image.webp");
    expect(outputFileName("run_abc", 2, output("documentUrl", "https://cdn.example/report.PDF"))).toBe("run_abc-3-document.pdf");
  });

  it("falls back to the content type, then to the output type", () => {
    expect(outputFileName("run_abc", 1, output("videoUrl", "https://cdn.example/v/42"), "video/webm; codecs=vp9")).toBe("run_abc-2-video.webm");
    expect(outputFileName("run_abc", 1, output("audioUrl", "https://cdn.example/a/42"), "application/octet-stream")).toBe("run_abc-2-audio.mp3");
  });

  it("names text outputs .txt whatever their content says", () => {
    expect(outputFileName("run_abc", 3, output("text", "see https://x.example/file.exe"))).toBe("run_abc-4-text.txt");
  });

  it("never lets a run id carry a path", () => {
    expect(outputFileName("run_../../etc", 0, output("imageUrl", "https://cdn.example/1.png"))).toBe("run_______etc-1-image.png");
    expect(archiveFileName("run_a/b")).toBe("run_a_b-outputs.zip");
  });
});

describe("attachmentDisposition", () => {
  it("quotes safely and offers the UTF-8 name", () => {
    expect(attachmentDisposition('a"b.png')).toBe(`attachment; filename="a_b.png"; filename*=UTF-8''a%22b.png`);
  });
});
