import type { Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AddressRefusedError, type Resolver } from "@/lib/net/guarded-lookup";
import { parseMediaHosts } from "@/lib/net/media-hosts";
import { createSafeFetcher, fetchFailureReason, guardedConnector, MAX_REDIRECTS, type SafeFetcher } from "@/lib/net/safe-fetch";
import { startMediaServer, type MediaServer } from "@/lib/testing/media-server";

// Two servers on loopback: `flora` plays FLORA's origin (exempt), `inside` another service
// on the same machine that a bad output URL must never reach.
let flora: MediaServer;
let inside: MediaServer;
let fetcher: SafeFetcher;
/** Every name resolves to loopback, as a hostile DNS answer would have it. */
const resolve = vi.fn<Resolver>(async () => [{ address: "127.0.0.1", family: 4 }]);

beforeAll(async () => {
  inside = await startMediaServer((_req, res) => res.end("internal secret"));
  flora = await startMediaServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const redirect = (location: string) => res.writeHead(302, { location }).end();
    const hops = /^\/hops\/(\d+)$/.exec(url.pathname);
    if (hops) return Number(hops[1]) > 0 ? redirect(`/hops/${Number(hops[1]) - 1}`) : res.end("arrived");
    switch (url.pathname) {
      case "/ok.png":
        return res.writeHead(200, { "content-type": "image/png" }).end("png bytes");
      case "/to-inside":
        return redirect(`http://127.0.0.1:${inside.port}/x`);
      case "/to-inside-by-name":
        return redirect(`http://inside.test:${inside.port}/x`);
      case "/to-inside-mapped":
        return redirect(`http://[::ffff:127.0.0.1]:${inside.port}/x`);
      case "/to-ftp":
        return redirect("ftp://files.example/x");
      case "/no-location":
        return res.writeHead(302).end();
      default:
        return res.writeHead(404).end();
    }
  });
  fetcher = createSafeFetcher({ trustedOrigin: `${flora.origin}/api/v1`, mediaHosts: null, resolve });
});

afterAll(async () => {
  await fetcher.close();
  await Promise.all([flora.close(), inside.close()]);
});

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (failure: unknown) => failure,
  );
  expect(error, "the fetch should have been refused").not.toBeNull();
  return fetchFailureReason(error);
}

describe("createSafeFetcher", () => {
  it("fetches from FLORA's own origin although it is on loopback", async () => {
    const response = await fetcher.fetch(`${flora.origin}/ok.png`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("png bytes");
  });

  it("refuses another port on loopback, however the address is spelled, before anything is sent", async () => {
    for (const url of [
      `http://127.0.0.1:${inside.port}/x`,
      `http://2130706433:${inside.port}/x`,
      `http://0x7f.1:${inside.port}/x`,
      `http://[::ffff:127.0.0.1]:${inside.port}/x`,
      `http://[::1]:${inside.port}/x`,
    ]) {
      expect(await refusal(fetcher.fetch(url))).toMatch(/FetchRefusedError: .* is not a public address/);
    }
    expect(inside.requests).toEqual([]);
  });

  it("refuses a name that resolves to loopback, FLORA's port included, in the socket's own lookup", async () => {
    resolve.mockClear();
    expect(await refusal(fetcher.fetch(`http://inside.test:${inside.port}/x`))).toMatch(/AddressRefusedError: inside.test resolves to 127.0.0.1 \(loopback\)/);
    // Same address and port as FLORA's origin, but not its origin: no exemption.
    const floraRequests = flora.requests.length;
    expect(await refusal(fetcher.fetch(`http://localhost:${flora.port}/ok.png`))).toMatch(/AddressRefusedError/);
    expect(resolve).toHaveBeenCalledWith("inside.test");
    expect(resolve).toHaveBeenCalledWith("localhost");
    expect(inside.requests).toEqual([]);
    expect(flora.requests.length).toBe(floraRequests);
  });

  it("checks every redirect hop: a hop to a private address is refused", async () => {
    expect(await refusal(fetcher.fetch(`${flora.origin}/to-inside`))).toMatch(/FetchRefusedError: 127.0.0.1 is not a public address \(loopback\)/);
    expect(await refusal(fetcher.fetch(`${flora.origin}/to-inside-mapped`))).toMatch(/ipv4Mapped \(loopback\)/);
    expect(await refusal(fetcher.fetch(`${flora.origin}/to-inside-by-name`))).toMatch(/AddressRefusedError/);
    expect(await refusal(fetcher.fetch(`${flora.origin}/to-ftp`))).toMatch(/ftp: is not http\(s\)/);
    expect(await refusal(fetcher.fetch(`${flora.origin}/no-location`))).toMatch(/without a Location/);
    expect(inside.requests).toEqual([]);
  });

  it(`follows at most ${MAX_REDIRECTS} redirects`, async () => {
    const response = await fetcher.fetch(`${flora.origin}/hops/${MAX_REDIRECTS}`);
    expect(await response.text()).toBe("arrived");
    expect(await refusal(fetcher.fetch(`${flora.origin}/hops/${MAX_REDIRECTS + 1}`))).toMatch(/more than 5 redirects/);
  });

  it("refuses what is not http(s), and credentials in the URL", async () => {
    for (const url of ["javascript:alert(1)", "file:///etc/passwd", "/relative.png", `http://user:pw@127.0.0.1:${flora.port}/ok.png`]) {
      expect(await refusal(fetcher.fetch(url))).toMatch(/FetchRefusedError/);
    }
  });
});

describe("createSafeFetcher with MEDIA_HOSTS", () => {
  it("refuses hosts not on the list without resolving them, checks listed ones' addresses, and still exempts FLORA", async () => {
    const listed = createSafeFetcher({ trustedOrigin: flora.origin, mediaHosts: parseMediaHosts("cdn.media.test").list, resolve });
    try {
      resolve.mockClear();
      expect(await refusal(listed.fetch(`http://other.test:${inside.port}/x`))).toMatch(/other.test is not on MEDIA_HOSTS/);
      expect(resolve).not.toHaveBeenCalled();
      expect(await refusal(listed.fetch(`http://cdn.media.test:${inside.port}/x`))).toMatch(/AddressRefusedError/);
      expect(resolve).toHaveBeenCalledWith("cdn.media.test");
      expect((await listed.fetch(`${flora.origin}/ok.png`)).status).toBe(200);
      expect(inside.requests).toEqual([]);
    } finally {
      await listed.close();
    }
  });
});

describe("guardedConnector", () => {
  const connect = (trustedOrigin: string | null, port: number) =>
    new Promise<{ error: Error | null; socket: Socket | null }>((done) =>
      guardedConnector(trustedOrigin)({ protocol: "http:", hostname: "127.0.0.1", port: String(port) }, (error, socket) =>
        done({ error, socket: socket as Socket | null }),
      ),
    );

  it("checks the address the socket actually connected to, which covers literal IPs (net skips lookup)", async () => {
    const refused = await connect(null, inside.port);
    expect(refused.error).toBeInstanceOf(AddressRefusedError);
    expect(refused.error).toMatchObject({ address: "127.0.0.1", reason: "loopback" });
    const trusted = await connect(inside.origin, inside.port);
    expect(trusted.error).toBeNull();
    trusted.socket?.destroy();
    expect(inside.requests).toEqual([]);
  });
});
