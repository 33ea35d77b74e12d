import { describe, expect, it } from "vitest";
import { checkSignIn } from "@/components/auth/sign-in-schema";

describe("the sign-in form's check", () => {
  it("refuses an empty form on both fields", () => {
    expect(checkSignIn({ email: "", password: "" })).toEqual({
      errors: { email: "Enter your email address.", password: "Enter your password." },
    });
    expect(checkSignIn({ email: "   ", password: "x" })).toEqual({ errors: { email: "Enter your email address." } });
  });

  it("refuses an address that cannot be one", () => {
    expect(checkSignIn({ email: "sam", password: "secret" })).toEqual({
      errors: { email: "Enter a valid email address, like sam@example.com." },
    });
  });

  it("passes a filled form on, the email trimmed and the password as typed", () => {
    expect(checkSignIn({ email: " admin@atelier.local ", password: " pass word " })).toEqual({ email: "admin@atelier.local", password: " pass word " });
  });
});
