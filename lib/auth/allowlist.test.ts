import { describe, expect, it } from "vitest";
import { parseAllowlist } from "@/lib/auth/allowlist";

describe("parseAllowlist", () => {
  const allowlist = parseAllowlist("ana@studio.example, @northwind.example  atlas.example");

  it("admits listed addresses and whole domains, case-insensitively", () => {
    expect(allowlist.allows("ana@studio.example")).toBe(true);
    expect(allowlist.allows("ANA@Studio.Example")).toBe(true);
    expect(allowlist.allows("bo@northwind.example")).toBe(true);
    expect(allowlist.allows("cy@atlas.example")).toBe(true);
  });

  it("refuses everyone else, including look-alike domains", () => {
    expect(allowlist.allows("bo@studio.example")).toBe(false);
    expect(allowlist.allows("eve@evil-northwind.example")).toBe(false);
    expect(allowlist.allows("eve@northwind.example.evil")).toBe(false);
    expect(allowlist.allows("eve@sub.atlas.example")).toBe(false);
    expect(allowlist.allows("not-an-email")).toBe(false);
    expect(allowlist.allows("trailing@")).toBe(false);
  });

  it("admits nobody when empty", () => {
    expect(parseAllowlist(undefined).allows("ana@studio.example")).toBe(false);
    expect(parseAllowlist("  ").allows("ana@studio.example")).toBe(false);
  });
});
