import { describe, expect, it } from "vitest";
import { addressRefusal, literalAddress } from "@/lib/net/address-policy";

describe("addressRefusal", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["10.0.0.1", "private"],
    ["10.255.255.255", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "linkLocal"],
    ["100.64.0.1", "carrierGradeNat"],
    ["100.127.255.254", "carrierGradeNat"],
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "unspecified"],
    ["255.255.255.255", "broadcast"],
    ["224.0.0.1", "multicast"],
    ["239.255.255.250", "multicast"],
    ["240.0.0.1", "reserved"],
    ["192.0.0.8", "reserved"],
    ["192.0.2.1", "reserved"],
    ["198.51.100.7", "reserved"],
    ["203.0.113.9", "reserved"],
    ["198.18.0.1", "reserved"],
  ])("refuses IPv4 %s (%s)", (address, reason) => {
    expect(addressRefusal(address)).toBe(reason);
  });

  it.each([
    ["::1", "loopback"],
    ["::", "unspecified"],
    ["fe80::1", "linkLocal"],
    ["febf:ffff::1", "linkLocal"],
    ["fc00::1", "uniqueLocal"],
    ["fd12:3456:789a::1", "uniqueLocal"],
    ["ff02::1", "multicast"],
    ["64:ff9b::a00:1", "rfc6052"],
    ["64:ff9b:1::1", "rfc6052"],
    ["2001:db8::1", "reserved"],
    ["3fff::1", "reserved"],
    ["2002:7f00:1::", "6to4"],
    ["100::1", "discard"],
    ["fec0::1", "deprecatedSiteLocal"],
    // IPv4-compatible (::a.b.c.d) and other space outside 2000::/3.
    ["::7f00:1", "reserved"],
    ["4000::1", "reserved"],
  ])("refuses IPv6 %s (%s)", (address, reason) => {
    expect(addressRefusal(address)).toBe(reason);
  });

  it("refuses IPv4-mapped IPv6 whatever it embeds, naming the embedded range", () => {
    expect(addressRefusal("::ffff:127.0.0.1")).toBe("ipv4Mapped (loopback)");
    expect(addressRefusal("::ffff:a00:1")).toBe("ipv4Mapped (private)");
    expect(addressRefusal("::ffff:169.254.169.254")).toBe("ipv4Mapped (linkLocal)");
    expect(addressRefusal("::ffff:8.8.8.8")).toBe("ipv4Mapped (unicast)");
  });

  it.each(["8.8.8.8", "1.1.1.1", "172.32.0.1", "172.15.255.255", "100.128.0.1", "100.63.255.255", "11.0.0.1", "192.169.0.1", "2606:4700:4700::1111", "2001:4860:4860::8888"])(
    "allows the public address %s",
    (address) => {
      expect(addressRefusal(address)).toBeNull();
    },
  );

  it("refuses anything that is not a canonical IP address", () => {
    expect(addressRefusal("localhost")).toBe("not an IP address");
    expect(addressRefusal("0x7f.1")).toBe("not an IP address");
    expect(addressRefusal("")).toBe("not an IP address");
  });
});

describe("literalAddress, after WHATWG URL normalises the host", () => {
  const refusalOf = (url: string) => {
    const literal = literalAddress(new URL(url).hostname);
    return literal && addressRefusal(literal);
  };

  it.each([
    ["http://0x7f000001/", "loopback"],
    ["http://2130706433/", "loopback"],
    ["http://017700000001/", "loopback"],
    ["http://0177.0.0.1/", "loopback"],
    ["http://0x7f.0.0.1/", "loopback"],
    ["http://127.1/", "loopback"],
    ["http://0/", "unspecified"],
    ["http://0xa9.0xfe.0xa9.0xfe/latest/meta-data/", "linkLocal"],
    ["http://3232235777/", "private"],
    ["http://[::1]:8080/", "loopback"],
    ["http://[::ffff:127.0.0.1]/", "ipv4Mapped (loopback)"],
    ["http://[0:0:0:0:0:ffff:a00:1]/", "ipv4Mapped (private)"],
  ])("%s is refused as %s", (url, reason) => {
    expect(refusalOf(url)).toBe(reason);
  });

  it("gives null for a name, which the lookup checks instead", () => {
    expect(literalAddress("cdn.flora.ai")).toBeNull();
    expect(literalAddress("[::1]")).toBe("::1");
    expect(literalAddress("8.8.8.8")).toBe("8.8.8.8");
  });
});
