import { describe, expect, it } from "vitest";
import { usesSecureSessionCookie } from "@/lib/auth/secure-session-cookie";
import { servedOverHttps } from "@/lib/http/served-over-https";

const decide = (nextAuthUrl: string | undefined, url: string, forwardedProto: string | null) =>
  usesSecureSessionCookie(nextAuthUrl, servedOverHttps(url, forwardedProto));

describe("usesSecureSessionCookie", () => {
  it("reads the __Secure- cookie behind a TLS proxy without NEXTAUTH_URL", () => {
    expect(decide(undefined, "http://127.0.0.1:3000/generations", "https")).toBe(true);
  });

  it("reads the __Secure- cookie when the request itself is https", () => {
    expect(decide(undefined, "https://atelier.example.com/generations", null)).toBe(true);
  });

  it("reads the plain cookie over plain http", () => {
    expect(decide(undefined, "http://127.0.0.1:3000/generations", null)).toBe(false);
    expect(decide(undefined, "http://127.0.0.1:3000/generations", "http")).toBe(false);
  });

  it("follows NEXTAUTH_URL when it is set, as next-auth does", () => {
    expect(decide("https://atelier.example.com", "http://127.0.0.1:3000/generations", null)).toBe(true);
    expect(decide("http://localhost:3000", "http://127.0.0.1:3000/generations", "https")).toBe(false);
  });
});
