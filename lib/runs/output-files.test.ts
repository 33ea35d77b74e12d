import { describe, expect, it } from "vitest";
import { archiveFileName, attachmentDisposition, downloadContentType, outputFileName, unavailableNoteName } from "@/lib/runs/output-files";

const output = (type: "imageUrl" | "videoUrl" | "audioUrl" | "text" | "documentUrl", url: string) => ({ output_id: "out_1", type, url });

describe("outputFileName", () => {
  it("takes the extension from the allowlisted content type, never from the URL", () => {
    expect(outputFileName("run_abc", 0, output("imageUrl", "https://cdn.example/x/1.exe?sig=a.b"), "image/png")).toBe("run_abc-1-image.png");
    expect(outputFileName("run_abc", 0, output("imageUrl", "https://cdn.example/x/1.webp"), "image/jpeg")).toBe("run_abc-1-image.jpg");
    expect(outputFileName("run_abc", 1, output("videoUrl", "https://cdn.example/v/42"), "video/webm; codecs=vp9")).toBe("run_abc-2-video.webm");
    expect(outputFileName("run_abc", 2, output("documentUrl", "https://cdn.example/report"), "Application/PDF")).toBe("run_abc-3-document.pdf");
  });

  it("names anything else .bin, whatever the URL or the output type say", () => {
    expect(outputFileName("run_abc", 0, output("imageUrl", "https://cdn.example/1.png"), "image/svg+xml")).toBe("run_abc-1-image.bin");
    expect(outputFileName("run_abc", 1, output("audioUrl", "https://cdn.example/a.mp3"), "application/octet-stream")).toBe("run_abc-2-audio.bin");
    expect(outputFileName("run_abc", 1, output("audioUrl", "https://cdn.example/a.mp3"))).toBe("run_abc-2-audio.bin");
    expect(outputFileName("run_abc", 4, output("documentUrl", "https://cdn.example/page.html"), "text/html")).toBe("run_abc-5-document.bin");
  });

  it("names text outputs .txt whatever their content says", () => {
    expect(outputFileName("run_abc", 3, output("text", "see https://x.example/file.exe"))).toBe("run_abc-4-text.txt");
  });

  it("never lets a run id carry a path", () => {
    expect(outputFileName("run_../../etc", 0, output("imageUrl", "https://cdn.example/1.png"), "image/png")).toBe("run_______etc-1-image.png");
    expect(unavailableNoteName("run_../x", 1, output("videoUrl", "https://cdn.example/1.webm"))).toBe("run____x-2-video.unavailable.txt");
    expect(archiveFileName("run_a/b")).toBe("run_a_b-outputs.zip");
  });
});

describe("downloadContentType", () => {
  it.each([
    ["image/png", "image/png"],
    ["IMAGE/JPEG; foo=bar", "image/jpeg"],
    ["image/webp", "image/webp"],
    ["image/gif", "image/gif"],
    ["image/avif", "image/avif"],
    ["video/mp4", "video/mp4"],
    ["video/webm", "video/webm"],
    ["video/quicktime", "video/quicktime"],
    ["audio/mpeg", "audio/mpeg"],
    ["audio/wav", "audio/wav"],
    ["audio/ogg", "audio/ogg"],
    ["audio/flac", "audio/flac"],
    ["audio/mp4", "audio/mp4"],
    ["application/pdf", "application/pdf"],
    ["text/plain; charset=utf-8", "text/plain"],
  ])("passes %s on as %s", (given, served) => {
    expect(downloadContentType(given)).toBe(served);
  });

  it.each(["image/svg+xml", "text/html", "text/markdown", "application/xhtml+xml", "image/x-made-up", "application/javascript", "", null, "image/png, text/html"])(
    "serves %s as application/octet-stream",
    (given) => {
      expect(downloadContentType(given)).toBe("application/octet-stream");
    },
  );
});

describe("attachmentDisposition", () => {
  it("quotes safely and offers the UTF-8 name", () => {
    expect(attachmentDisposition('a"b.png')).toBe(`attachment; filename="a_b.png"; filename*=UTF-8''a%22b.png`);
  });
});
