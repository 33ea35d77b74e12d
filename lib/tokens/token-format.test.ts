import { describe, expect, it } from "vitest";
import { bearerTokenOf, generateToken, hashSecret, parseToken, PREFIX_PATTERN, secretMatches } from "@/lib/tokens/token-format";

describe("token format", () => {
  it("makes atl_<8>_<32> tokens whose prefix is the public part and whose hash is of the secret", () => {
    const { token, prefix, secretHash } = generateToken();
    expect(token).toMatch(/^atl_[0-9A-Za-z]{8}_[0-9A-Za-z]{32}$/);
    expect(token.startsWith(`${prefix}_`)).toBe(true);
    expect(PREFIX_PATTERN.test(prefix)).toBe(true);
    const parsed = parseToken(token)!;
    expect(parsed.prefix).toBe(prefix);
    expect(secretHash).toBe(hashSecret(parsed.secret));
    // Only the hash is kept: it says nothing of the secret.
    expect(secretHash).not.toContain(parsed.secret);
  });

  it("never makes the same token twice", () => {
    const tokens = new Set(Array.from({ length: 200 }, () => generateToken().token));
    expect(tokens.size).toBe(200);
  });

  it.each([
    ["another scheme", "sk_live_abcdefgh_0123456789abcdef0123456789abcdef"],
    ["a short secret", "atl_abcdefgh_0123456789"],
    ["a long prefix", "atl_abcdefghi_0123456789abcdef0123456789abcdef"],
    ["a character outside base62", "atl_abcdefg-_0123456789abcdef0123456789abcdef"],
    ["trailing text", "atl_abcdefgh_0123456789abcdef0123456789abcdef "],
  ])("refuses %s as a token", (_label, value) => {
    expect(parseToken(value)).toBeNull();
  });

  it("matches only the right secret", () => {
    const { token, secretHash } = generateToken();
    const { secret } = parseToken(token)!;
    expect(secretMatches(secret, secretHash)).toBe(true);
    expect(secretMatches(`${secret.slice(0, -1)}${secret.endsWith("a") ? "b" : "a"}`, secretHash)).toBe(false);
    expect(secretMatches(secret, "not-hex")).toBe(false);
  });

  it("takes ours from a bearer header, malformed ones included, and leaves other keys to the session", () => {
    expect(bearerTokenOf("Bearer atl_abcdefgh_x")).toBe("atl_abcdefgh_x");
    expect(bearerTokenOf("bearer  atl_garbage")).toBe("atl_garbage");
    expect(bearerTokenOf("Bearer atl_abcdefgh_x trailing")).toBe("atl_abcdefgh_x trailing");
    expect(bearerTokenOf("Bearer not-the-flora-key")).toBeNull();
    expect(bearerTokenOf("Basic YWxhZGRpbjpvcGVu")).toBeNull();
    expect(bearerTokenOf(null)).toBeNull();
    expect(bearerTokenOf("")).toBeNull();
  });
});
