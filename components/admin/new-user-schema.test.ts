import { describe, expect, it } from "vitest";
import { checkNewUser, PASSWORD_LENGTH } from "@/components/admin/new-user-schema";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/auth/password";

const valid = { email: " Sam@Example.com ", name: "", role: "member", password: "a-good-password" };

describe("the add-user form's check", () => {
  it("passes a good user, trimmed, with an empty name left out", () => {
    expect(checkNewUser(valid)).toEqual({ user: { email: "Sam@Example.com", name: undefined, role: "member", password: "a-good-password" } });
  });

  it("says what is wrong on each field, once", () => {
    expect(checkNewUser({ email: "", name: "", role: "member", password: "" })).toEqual({
      errors: { email: "Enter their email address.", password: "Enter a password for them." },
    });
    expect(checkNewUser({ ...valid, email: "not-an-email", password: "short" })).toEqual({
      errors: { email: "Enter a valid email address, like sam@example.com.", password: "At least 8 characters." },
    });
    expect(checkNewUser({ ...valid, role: "owner", name: "x".repeat(121) })).toEqual({
      errors: { role: "Choose viewer, member or admin.", name: "At most 120 characters." },
    });
  });

  it("uses the server's password limits", () => {
    expect(PASSWORD_LENGTH).toEqual({ min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH });
  });
});
