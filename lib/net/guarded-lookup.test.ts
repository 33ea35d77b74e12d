import type { LookupAddress } from "node:dns";
import { describe, expect, it, vi } from "vitest";
import { AddressRefusedError, guardedLookup, type ResolvedAddress } from "@/lib/net/guarded-lookup";

type Outcome = { error: NodeJS.ErrnoException | null; address: string | LookupAddress[]; family?: number };

function lookUp(addresses: ResolvedAddress[] | Error, options: { all?: boolean; family?: number } = {}) {
  const resolve = vi.fn(async () => {
    if (addresses instanceof Error) throw addresses;
    return addresses;
  });
  const outcome = new Promise<Outcome>((done) =>
    guardedLookup(resolve)("media.example", options, (error, address, family) => done({ error, address, family })),
  );
  return { resolve, outcome };
}

const v4 = (address: string) => ({ address, family: 4 });
const v6 = (address: string) => ({ address, family: 6 });

describe("guardedLookup", () => {
  it("refuses a name that resolves to a private address", async () => {
    const { resolve, outcome } = lookUp([v4("10.0.0.7")]);
    const { error } = await outcome;
    expect(resolve).toHaveBeenCalledWith("media.example");
    expect(error).toBeInstanceOf(AddressRefusedError);
    expect(error).toMatchObject({ host: "media.example", address: "10.0.0.7", reason: "private" });
  });

  it("refuses the name when any one of its addresses is not public, even among public ones", async () => {
    const { outcome } = lookUp([v4("93.184.216.34"), v6("2606:4700::1"), v4("127.0.0.1")], { all: true });
    expect((await outcome).error).toMatchObject({ address: "127.0.0.1", reason: "loopback" });
    const mapped = lookUp([v6("::ffff:169.254.169.254")], { all: true });
    expect((await mapped.outcome).error).toMatchObject({ reason: "ipv4Mapped (linkLocal)" });
  });

  it("hands net exactly the checked addresses, in either callback form", async () => {
    const all = await lookUp([v4("93.184.216.34"), v6("2606:4700::1")], { all: true }).outcome;
    expect(all).toEqual({ error: null, address: [v4("93.184.216.34"), v6("2606:4700::1")], family: undefined });
    const one = await lookUp([v4("93.184.216.34"), v6("2606:4700::1")], { family: 6 }).outcome;
    expect(one).toEqual({ error: null, address: "2606:4700::1", family: 6 });
  });

  it("passes on a resolver failure, and fails a name without an address of the asked family", async () => {
    const failed = await lookUp(Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" })).outcome;
    expect(failed.error?.code).toBe("ENOTFOUND");
    const none = await lookUp([v4("93.184.216.34")], { family: 6 }).outcome;
    expect(none.error?.code).toBe("ENOTFOUND");
    const empty = await lookUp([]).outcome;
    expect(empty.error?.code).toBe("ENOTFOUND");
  });
});
