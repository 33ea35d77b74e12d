import { describe, expect, it } from "vitest";
import { canonicalAddress, resolveClientAddress } from "@/lib/http/forwarded-for";

describe("resolveClientAddress", () => {
  it("ignores X-Forwarded-For entirely when no proxy is trusted (the default)", () => {
    expect(resolveClientAddress("203.0.113.9", "198.51.100.1", 0)).toBe("203.0.113.9");
    expect(resolveClientAddress("203.0.113.9", ["1.1.1.1", "2.2.2.2"], 0)).toBe("203.0.113.9");
    expect(resolveClientAddress("::ffff:127.0.0.1", "10.0.0.1", 0)).toBe("127.0.0.1");
  });

  it("takes the Nth address from the right with N trusted proxies", () => {
    // One proxy appended the client's address; whatever came before it is the client's claim.
    expect(resolveClientAddress("10.0.0.2", "6.6.6.6, 203.0.113.7", 1)).toBe("203.0.113.7");
    // A CDN then a load balancer: the CDN wrote the client, the balancer wrote the CDN.
    expect(resolveClientAddress("10.0.0.2", "6.6.6.6, 203.0.113.7, 198.51.100.20", 2)).toBe("203.0.113.7");
    expect(resolveClientAddress("10.0.0.2", ["6.6.6.6", "203.0.113.7, 198.51.100.20"], 2)).toBe("203.0.113.7");
  });

  it("falls back to the socket when the chain is shorter than the proxies or the entry is not an address", () => {
    expect(resolveClientAddress("10.0.0.2", undefined, 1)).toBe("10.0.0.2");
    expect(resolveClientAddress("10.0.0.2", "203.0.113.7", 2)).toBe("10.0.0.2");
    expect(resolveClientAddress("10.0.0.2", "evil, not-an-ip", 1)).toBe("10.0.0.2");
    expect(resolveClientAddress(undefined, undefined, 0)).toBe("unknown");
  });

  it("writes every address one way, so one client is one key", () => {
    expect(canonicalAddress("::ffff:198.51.100.4")).toBe("198.51.100.4");
    expect(canonicalAddress("[2001:db8::1]")).toBe("2001:db8::1");
    expect(canonicalAddress("2001:0db8:0000:0000:0000:0000:0000:0001")).toBe("2001:db8::1");
    expect(canonicalAddress("0x7f.1")).toBeNull();
    expect(canonicalAddress("")).toBeNull();
  });
});
