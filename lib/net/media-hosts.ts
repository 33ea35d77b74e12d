import { domainToASCII } from "node:url";

/**
 * MEDIA_HOSTS: when set, the only hosts outputs are fetched from. Entries are separated by
 * commas or white space; each is a host name, exact (`cdn.flora.ai`) or `*.example.com`
 * for any subdomain of example.com (not example.com itself). Case and a trailing dot do
 * not matter, ports are not part of an entry (any port of a listed host matches), and a
 * Unicode name is compared in its punycode form, as URLs carry it; punycode stays as it is.
 */

export interface MediaHostList {
  exact: ReadonlySet<string>;
  /** `*.example.com` is kept as `example.com`. */
  parents: readonly string[];
}

export interface ParsedMediaHosts {
  /** null when MEDIA_HOSTS is unset or blank: any public host may serve outputs. */
  list: MediaHostList | null;
  /** Entries that are not host names (a port, a scheme, a path): they match nothing. */
  invalid: string[];
}

/** Characters a host entry may not carry before normalising (domainToASCII cuts at "/"). */
const RAW_ENTRY = /^(\*\.)?[^\s:/?#@[\]\\*%]+$/u;
const ASCII_HOST = /^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/;

const withoutTrailingDot = (host: string) => (host.endsWith(".") ? host.slice(0, -1) : host);

function normaliseHost(raw: string): string | null {
  const ascii = withoutTrailingDot(domainToASCII(raw));
  return ASCII_HOST.test(ascii) ? ascii : null;
}

export function parseMediaHosts(value: string | undefined): ParsedMediaHosts {
  const entries = (value ?? "").split(/[\s,]+/).filter(Boolean);
  if (entries.length === 0) return { list: null, invalid: [] };
  const exact = new Set<string>();
  const parents: string[] = [];
  const invalid: string[] = [];
  for (const entry of entries) {
    const wildcard = entry.startsWith("*.");
    const host = RAW_ENTRY.test(entry) ? normaliseHost(wildcard ? entry.slice(2) : entry) : null;
    if (!host) invalid.push(entry);
    else if (wildcard) parents.push(host);
    else exact.add(host);
  }
  // Set but with nothing valid in it still means "only these": no host matches.
  return { list: { exact, parents }, invalid };
}

/** Whether a URL's hostname (as WHATWG URL gives it: ASCII, lower case) is on the list. */
export function isMediaHostAllowed(list: MediaHostList, hostname: string): boolean {
  const host = withoutTrailingDot(hostname.toLowerCase());
  return list.exact.has(host) || list.parents.some((parent) => host.endsWith(`.${parent}`));
}
