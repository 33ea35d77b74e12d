import { describe, expect, it } from "vitest";
import { describeRoleChange } from "@/components/admin/role-change";

const base = { userId: "u1", email: "sam@atelier.test" } as const;

describe("the role change confirmation", () => {
  it("names the teammate, both roles and what the new one allows", () => {
    const words = describeRoleChange({ ...base, from: "member", to: "viewer", isMe: false });
    expect(words.title).toBe("Change the role of sam@atelier.test?");
    expect(words.lines).toEqual(["Member → Viewer: they will browse everything.", "They are signed out everywhere and sign in again."]);
    expect(words.confirmLabel).toBe("Make them viewer");
  });

  it("says so when it is your own role, and what an admin gives up", () => {
    const words = describeRoleChange({ ...base, from: "admin", to: "member", isMe: true });
    expect(words.title).toBe("Change your own role?");
    expect(words.lines[0]).toBe("Admin → Member: you will browse and launch runs.");
    expect(words.lines[1]).toMatch(/signed out everywhere, this session included/);
    expect(words.lines[2]).toMatch(/no longer manage users/);
    expect(words.confirmLabel).toBe("Make me member");
  });
});
