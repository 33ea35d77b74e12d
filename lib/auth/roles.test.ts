import { describe, expect, it } from "vitest";
import { canLaunch, canManageUsers, hasRole, isRole } from "@/lib/auth/roles";

describe("roles", () => {
  it("orders viewer < member < admin", () => {
    expect(hasRole("viewer", "viewer")).toBe(true);
    expect(hasRole("viewer", "member")).toBe(false);
    expect(hasRole("member", "viewer")).toBe(true);
    expect(hasRole("member", "admin")).toBe(false);
    expect(hasRole("admin", "member")).toBe(true);
  });

  it("lets members and admins launch, and only admins manage users", () => {
    expect([canLaunch("viewer"), canLaunch("member"), canLaunch("admin")]).toEqual([false, true, true]);
    expect([canManageUsers("viewer"), canManageUsers("member"), canManageUsers("admin")]).toEqual([false, false, true]);
  });

  it("recognises only the three roles", () => {
    expect(isRole("admin")).toBe(true);
    expect(isRole("owner")).toBe(false);
    expect(isRole("Admin")).toBe(false);
  });
});
