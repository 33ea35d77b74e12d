import { describe, expect, it } from "vitest";
import { hashPassword, needsRehash, SCRYPT_COST, verifyPassword } from "@/lib/auth/password";

describe("password hashing", () => {
  it("verifies the right password and rejects a wrong one", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(await verifyPassword("correct horse battery staple", hash)).toBe(true);
    expect(await verifyPassword("correct horse battery stapler", hash)).toBe(false);
  });

  it("uses OWASP's scrypt cost, never stores the password, and salts every hash", async () => {
    const first = await hashPassword("s3cret-password");
    const second = await hashPassword("s3cret-password");
    expect(SCRYPT_COST).toEqual({ N: 131072, r: 8, p: 1 });
    expect(first).not.toContain("s3cret-password");
    expect(first).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(first).not.toBe(second);
    expect(needsRehash(first)).toBe(false);
  });

  it("still verifies a hash made with the old cost, and says it needs rehashing", async () => {
    // Made by the previous release (N=16384), password "old-password-1".
    const { scryptSync } = await import("node:crypto");
    const salt = Buffer.from("0123456789abcdef");
    const key = scryptSync("old-password-1", salt, 64, { N: 16384, r: 8, p: 1 });
    const old = ["scrypt", 16384, 8, 1, salt.toString("base64"), key.toString("base64")].join("$");
    expect(await verifyPassword("old-password-1", old)).toBe(true);
    expect(await verifyPassword("old-password-2", old)).toBe(false);
    expect(needsRehash(old)).toBe(true);
  });

  it("treats a malformed or hostile stored hash as a mismatch", async () => {
    expect(await verifyPassword("anything", "")).toBe(false);
    expect(await verifyPassword("anything", "bcrypt$xyz")).toBe(false);
    expect(await verifyPassword("anything", "scrypt$16384$8$1$c2FsdA==$")).toBe(false);
    // Not a power of two, or a cost that would take gigabytes: refused before deriving.
    expect(await verifyPassword("anything", "scrypt$1000$8$1$c2FsdA==$a2V5")).toBe(false);
    expect(await verifyPassword("anything", "scrypt$1073741824$8$1$c2FsdA==$a2V5")).toBe(false);
    expect(await verifyPassword("anything", "scrypt$16384$1024$1$c2FsdA==$a2V5")).toBe(false);
    expect(needsRehash("bcrypt$xyz")).toBe(true);
  });
});
