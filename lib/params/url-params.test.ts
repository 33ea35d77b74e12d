import { describe, expect, it } from "vitest";
import { isHttpUrl, urlParamKind, urlParamProblems } from "@/lib/params/url-params";

describe("URL params", () => {
  it("are known by their names", () => {
    expect(urlParamKind("image_url")).toBe("one");
    expect(urlParamKind("start_image_url")).toBe("one");
    expect(urlParamKind("image_urls")).toBe("list");
    expect(urlParamKind("url")).toBeNull();
    expect(urlParamKind("image")).toBeNull();
    expect(urlParamKind("curl_level")).toBeNull();
  });

  it("take http(s) URLs only", () => {
    for (const good of ["https://media.example/a.png", "http://127.0.0.1:4010/media/x.webm", "HTTPS://CDN.EXAMPLE/A.PNG"]) expect(isHttpUrl(good), good).toBe(true);
    for (const bad of ["abc", "not a url", "javascript:alert(1)", "ftp://host/file", "data:image/png;base64,AA", "/relative.png", "https://", "", 5, null]) {
      expect(isHttpUrl(bad), String(bad)).toBe(false);
    }
    expect(isHttpUrl(`https://x.example/${"a".repeat(2100)}`)).toBe(false);
  });

  it("name the param, or the entry of a list, that is not one", () => {
    expect(urlParamProblems({ image_url: "abc", prompt_strength: 0.5, name: "abc" })).toEqual([{ field: "params.image_url", message: "Must be an http(s) URL." }]);
    expect(urlParamProblems({ image_urls: ["https://a.example/1.png", "not a url", 7] })).toEqual([
      { field: "params.image_urls.1", message: "Must be an http(s) URL." },
      { field: "params.image_urls.2", message: "Must be an http(s) URL." },
    ]);
    expect(urlParamProblems({ image_url: "https://a.example/1.png", image_urls: [] })).toEqual([]);
    expect(urlParamProblems(undefined)).toEqual([]);
  });
});
