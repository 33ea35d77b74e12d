import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { sessionTokenFromCookieHeader } from "@/lib/auth/session-cookie";
import { claimsFromSessionToken } from "@/lib/auth/session-token";

const userIdFromSessionToken = async (token: string, secret: string, now?: number) =>
  (await claimsFromSessionToken(token, secret, now))?.uid ?? null;

const SECRET = "a-test-secret-that-is-long-enough-32+";

describe("userIdFromSessionToken", () => {
  it("reads the user id from a token next-auth made", async () => {
    const token = await encode({ token: { uid: "user-1", email: "a@b.example" }, secret: SECRET });
    expect(await userIdFromSessionToken(token, SECRET)).toBe("user-1");
    // Remembered: a second read does not need the secret to decrypt again.
    expect(await userIdFromSessionToken(token, "some-other-secret-that-would-fail!!")).toBe("user-1");
  });

  it("refuses a token signed with another secret, a forged one, or one without a user", async () => {
    const foreign = await encode({ token: { uid: "user-2" }, secret: "another-secret-that-is-long-enough-32" });
    expect(await userIdFromSessionToken(foreign, SECRET)).toBeNull();
    expect(await userIdFromSessionToken("not.a.token.at.all", SECRET)).toBeNull();
    const anonymous = await encode({ token: { email: "a@b.example" }, secret: SECRET });
    expect(await userIdFromSessionToken(anonymous, SECRET)).toBeNull();
  });

  it("refuses an expired token", async () => {
    const expired = await encode({ token: { uid: "user-3" }, secret: SECRET, maxAge: -60 });
    expect(await userIdFromSessionToken(expired, SECRET)).toBeNull();
  });

  it("stops trusting a remembered token once it expires", async () => {
    const token = await encode({ token: { uid: "user-4" }, secret: SECRET, maxAge: 30 });
    const now = Date.now();
    expect(await userIdFromSessionToken(token, SECRET, now)).toBe("user-4");
    expect(await userIdFromSessionToken(token, SECRET, now + 31_000)).toBeNull();
  });
});

describe("claimsFromSessionToken", () => {
  it("carries the session version the token was issued under; an older token counts as version 0", async () => {
    const versioned = await encode({ token: { uid: "user-5", sv: 3 }, secret: SECRET });
    expect(await claimsFromSessionToken(versioned, SECRET)).toEqual({ uid: "user-5", sv: 3 });
    const older = await encode({ token: { uid: "user-6" }, secret: SECRET });
    expect(await claimsFromSessionToken(older, SECRET)).toEqual({ uid: "user-6", sv: 0 });
    const odd = await encode({ token: { uid: "user-7", sv: "3" as unknown as number }, secret: SECRET });
    expect(await claimsFromSessionToken(odd, SECRET)).toBeNull();
  });
});

describe("sessionTokenFromCookieHeader", () => {
  it("finds next-auth's session cookie, secure or not, among others", () => {
    expect(sessionTokenFromCookieHeader("a=1; next-auth.session-token=abc.def; b=2")).toBe("abc.def");
    expect(sessionTokenFromCookieHeader("__Secure-next-auth.session-token=xyz")).toBe("xyz");
    expect(sessionTokenFromCookieHeader("next-auth.csrf-token=1")).toBeUndefined();
    expect(sessionTokenFromCookieHeader(null)).toBeUndefined();
  });
});
