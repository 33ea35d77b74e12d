import { describe, expect, it } from "vitest";
import type { ApiToken, User } from "@/lib/db/schema";
import { generateToken, parseToken } from "@/lib/tokens/token-format";
import { checkToken, effectiveRole, expiresAtFor, lastUsedIsDue, tokenStatus } from "@/lib/tokens/token-rules";

const NOW = 1_800_000_000_000;
const owner: User = { id: "u1", email: "ana@x.example", name: null, role: "member", password_hash: null, created_at: 0, disabled_at: null, is_demo: 0, session_version: 0 };
const parts = generateToken();
const secret = parseToken(parts.token)!.secret;
const row: ApiToken = {
  id: "t1",
  user_id: "u1",
  name: "ci",
  prefix: parts.prefix,
  secret_hash: parts.secretHash,
  role: "member",
  created_at: NOW - 1_000,
  expires_at: null,
  last_used_at: null,
  revoked_at: null,
};

describe("token rules", () => {
  it("expires after 7, 30 or 90 days, or never", () => {
    expect(expiresAtFor(7, NOW)).toBe(NOW + 7 * 86_400_000);
    expect(expiresAtFor(90, NOW)).toBe(NOW + 90 * 86_400_000);
    expect(expiresAtFor(null, NOW)).toBeNull();
    expect(tokenStatus({ expires_at: NOW, revoked_at: null }, NOW)).toBe("expired");
    expect(tokenStatus({ expires_at: NOW + 1, revoked_at: null }, NOW)).toBe("active");
    expect(tokenStatus({ expires_at: NOW + 1, revoked_at: NOW - 5 }, NOW)).toBe("revoked");
  });

  it("acts with the lower of the token's role and the owner's current one", () => {
    expect(effectiveRole("admin", "member")).toBe("member");
    expect(effectiveRole("viewer", "admin")).toBe("viewer");
    expect(effectiveRole("member", "member")).toBe("member");
  });

  it("opens the row for the right secret, as the owner with the effective role", () => {
    const checked = checkToken(secret, { ...row, role: "admin" }, { ...owner, role: "viewer" }, NOW);
    expect(checked).toEqual({ ok: true, user: { ...owner, role: "viewer" } });
  });

  it.each([
    ["a wrong secret", () => checkToken("x".repeat(32), row, owner, NOW), "unknown token"],
    ["an unknown prefix", () => checkToken(secret, undefined, owner, NOW), "unknown token"],
    ["a revoked token", () => checkToken(secret, { ...row, revoked_at: NOW - 1 }, owner, NOW), "revoked token"],
    ["an expired token", () => checkToken(secret, { ...row, expires_at: NOW }, owner, NOW), "expired token"],
    ["a removed owner", () => checkToken(secret, row, undefined, NOW), "owner removed"],
    ["another user's row", () => checkToken(secret, row, { ...owner, id: "u2" }, NOW), "owner removed"],
    ["a disabled owner", () => checkToken(secret, row, { ...owner, disabled_at: NOW - 1 }, NOW), "owner disabled"],
  ])("refuses %s", (_label, check, reason) => {
    expect(check()).toEqual({ ok: false, reason });
  });

  it("asks for a last-used write at most once a minute", () => {
    expect(lastUsedIsDue({ last_used_at: null }, NOW)).toBe(true);
    expect(lastUsedIsDue({ last_used_at: NOW - 59_999 }, NOW)).toBe(false);
    expect(lastUsedIsDue({ last_used_at: NOW - 60_000 }, NOW)).toBe(true);
  });
});
