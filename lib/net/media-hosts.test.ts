import { describe, expect, it } from "vitest";
import { isMediaHostAllowed, parseMediaHosts } from "@/lib/net/media-hosts";

const allowed = (setting: string, url: string) => {
  const { list } = parseMediaHosts(setting);
  if (!list) throw new Error("expected a list");
  return isMediaHostAllowed(list, new URL(url).hostname);
};

describe("parseMediaHosts", () => {
  it("is null when unset or blank: any public host", () => {
    expect(parseMediaHosts(undefined)).toEqual({ list: null, invalid: [] });
    expect(parseMediaHosts(" , ")).toEqual({ list: null, invalid: [] });
  });

  it("splits on commas and white space, and normalises case and a trailing dot", () => {
    const { list, invalid } = parseMediaHosts("CDN.Flora.ai., *.Media.Example\n  assets.example.org");
    expect(invalid).toEqual([]);
    expect([...list!.exact]).toEqual(["cdn.flora.ai", "assets.example.org"]);
    expect(list!.parents).toEqual(["media.example"]);
  });

  it("sets aside entries that are not host names, and matches nothing for them", () => {
    const { list, invalid } = parseMediaHosts("cdn.flora.ai:443 https://cdn.example.com cdn.example.com/path *.* * a*.example.com user@host.example");
    expect(invalid).toEqual(["cdn.flora.ai:443", "https://cdn.example.com", "cdn.example.com/path", "*.*", "*", "a*.example.com", "user@host.example"]);
    // Set, even if nothing in it is usable: still "only these", so nothing passes.
    expect(list).toEqual({ exact: new Set(), parents: [] });
    expect(isMediaHostAllowed(list!, "cdn.flora.ai")).toBe(false);
  });
});

describe("isMediaHostAllowed", () => {
  it("matches an exact entry without case, trailing dot or port mattering", () => {
    expect(allowed("cdn.flora.ai", "https://CDN.FLORA.AI/x.png")).toBe(true);
    expect(allowed("cdn.flora.ai", "https://cdn.flora.ai./x.png")).toBe(true);
    expect(allowed("cdn.flora.ai", "https://cdn.flora.ai:8443/x.png")).toBe(true);
  });

  it("does not match a neighbour, a subdomain of an exact entry, or a look-alike suffix", () => {
    expect(allowed("cdn.flora.ai", "https://cdn2.flora.ai/x.png")).toBe(false);
    expect(allowed("cdn.flora.ai", "https://evil.cdn.flora.ai/x.png")).toBe(false);
    expect(allowed("cdn.flora.ai", "https://cdn.flora.ai.evil.example/x.png")).toBe(false);
    expect(allowed("*.example.com", "https://evilexample.com/x.png")).toBe(false);
  });

  it("lets *.example.com match any subdomain, not example.com itself", () => {
    expect(allowed("*.example.com", "https://a.example.com/x")).toBe(true);
    expect(allowed("*.example.com", "https://a.b.Example.com./x")).toBe(true);
    expect(allowed("*.example.com", "https://example.com/x")).toBe(false);
  });

  it("compares internationalised names in punycode, leaving punycode entries as they are", () => {
    expect(allowed("xn--bcher-kva.example", "https://bücher.example/x")).toBe(true);
    expect(allowed("bücher.example", "https://xn--bcher-kva.example/x")).toBe(true);
    expect(allowed("*.xn--bcher-kva.example", "https://cdn.bücher.example/x")).toBe(true);
    expect(allowed("bucher.example", "https://bücher.example/x")).toBe(false);
  });
});
