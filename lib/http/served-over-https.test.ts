import { describe, expect, it } from "vitest";
import { servedOverHttps } from "@/lib/http/served-over-https";

describe("servedOverHttps", () => {
  it("is true for an https request or a proxy that says https", () => {
    expect(servedOverHttps("https://atelier.example.com/", null)).toBe(true);
    expect(servedOverHttps("http://127.0.0.1:3000/", "https")).toBe(true);
    expect(servedOverHttps("http://127.0.0.1:3000/", "HTTPS")).toBe(true);
    // Chained proxies: the first entry is the one the browser reached.
    expect(servedOverHttps("http://127.0.0.1:3000/", "https, http")).toBe(true);
  });

  it("is false over plain http, whatever a later hop says", () => {
    expect(servedOverHttps("http://127.0.0.1:3000/", null)).toBe(false);
    expect(servedOverHttps("http://127.0.0.1:3000/", "http")).toBe(false);
    expect(servedOverHttps("http://127.0.0.1:3000/", "http, https")).toBe(false);
    expect(servedOverHttps("http://127.0.0.1:3000/", "")).toBe(false);
  });
});
