import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const SECRET = "proxy-test-secret-that-is-long-enough-0123456789";
let proxy: typeof import("@/proxy").proxy;

const saved = { ...process.env };

beforeAll(async () => {
  process.env.AUTH_SECRET = SECRET;
  delete process.env.NEXTAUTH_URL;
  delete process.env.MEDIA_HOSTS;
  ({ proxy } = await import("@/proxy"));
});

afterAll(() => {
  for (const name of ["AUTH_SECRET", "NEXTAUTH_URL", "MEDIA_HOSTS"]) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

const page = (path: string, headers: Record<string, string> = {}) => new NextRequest(`http://127.0.0.1:3000${path}`, { headers });
const sessionToken = () => encode({ token: { uid: "user-1", email: "member@atelier.test" }, secret: SECRET });
const nonceOf = (policy: string | null) => /'nonce-([^']+)'/.exec(policy ?? "")?.[1];

describe("proxy", () => {
  it("gives /sign-in a policy with a fresh nonce, for the browser and for Next, and redirects only other pages", async () => {
    const first = await proxy(page("/sign-in?callbackUrl=%2Fnew"));
    const second = await proxy(page("/sign-in"));
    expect(first.status).toBe(200);
    expect(first.headers.get("location")).toBeNull();
    const policy = first.headers.get("content-security-policy");
    expect(policy).toContain("'strict-dynamic'");
    expect(policy).toContain("object-src 'none'");
    // Next reads the nonce from the request's policy and puts it on its scripts.
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
    expect(nonceOf(policy)).toBeTruthy();
    expect(nonceOf(second.headers.get("content-security-policy"))).not.toBe(nonceOf(policy));

    const signedOut = await proxy(page("/runs/run_1?x=1"));
    expect(signedOut.status).toBe(307);
    const location = new URL(signedOut.headers.get("location")!);
    expect(`${location.pathname}${location.search}`).toBe("/sign-in?callbackUrl=%2Fruns%2Frun_1%3Fx%3D1");
  });

  it("reads the session cookie next-auth set: __Secure- behind a TLS proxy without NEXTAUTH_URL, plain over http", async () => {
    const plain = `next-auth.session-token=${await sessionToken()}`;
    const secure = `__Secure-${plain}`;
    const behindTls = await proxy(page("/generations", { cookie: secure, "x-forwarded-proto": "https" }));
    expect(behindTls.headers.get("location")).toBeNull();
    expect(behindTls.headers.get("content-security-policy")).toContain("'nonce-");

    expect((await proxy(page("/generations", { cookie: plain }))).headers.get("location")).toBeNull();
    // Over plain http next-auth sets the plain cookie; a __Secure- one is not its own.
    expect((await proxy(page("/generations", { cookie: secure }))).status).toBe(307);
  });

  it("sends HSTS over https only", async () => {
    const overHttps = await proxy(page("/sign-in", { "x-forwarded-proto": "https" }));
    expect(overHttps.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    const overHttp = await proxy(page("/sign-in"));
    expect(overHttp.headers.get("strict-transport-security")).toBeNull();
    const redirected = await proxy(page("/generations", { "x-forwarded-proto": "https" }));
    expect(redirected.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
  });
});
