import dns from "node:dns";
import type { LookupFunction } from "node:net";
import { addressRefusal } from "@/lib/net/address-policy";

/**
 * A `lookup` for net/tls.connect that refuses a name if ANY address it resolves to is not
 * public (addressRefusal), and hands the socket exactly the addresses it checked: the
 * connection goes to a checked address, with no second lookup a rebinding DNS server could
 * answer differently.
 */

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Every address a name resolves to. Injectable so tests need no DNS. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

export class AddressRefusedError extends Error {
  readonly code = "EADDRREFUSED";

  constructor(
    readonly host: string,
    readonly address: string,
    readonly reason: string,
  ) {
    super(`${host} resolves to ${address} (${reason}), which is not a public address`);
    this.name = "AddressRefusedError";
  }
}

/** The addresses to connect to, all of them checked; throws when any is refused. */
export function checkedAddresses(hostname: string, addresses: ResolvedAddress[], family?: number): ResolvedAddress[] {
  for (const { address } of addresses) {
    const reason = addressRefusal(address);
    if (reason) throw new AddressRefusedError(hostname, address, reason);
  }
  // net asks for one family when the socket has one; autoSelectFamily asks for all.
  const usable = family === 4 || family === 6 ? addresses.filter((entry) => entry.family === family) : addresses;
  if (usable.length === 0) throw Object.assign(new Error(`${hostname} has no usable address`), { code: "ENOTFOUND" });
  return usable;
}

const familyNumber = (family: number | "IPv4" | "IPv6" | undefined) => (family === "IPv4" ? 4 : family === "IPv6" ? 6 : family);

export function guardedLookup(resolve: Resolver = systemResolver): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (addresses) => {
        let usable: ResolvedAddress[];
        try {
          usable = checkedAddresses(hostname, addresses, familyNumber(options.family));
        } catch (error) {
          callback(error as NodeJS.ErrnoException, "");
          return;
        }
        if (options.all) callback(null, usable);
        else callback(null, usable[0]!.address, usable[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ""),
    );
  };
}
