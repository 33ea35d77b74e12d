#!/usr/bin/env node
/**
 * Keeps package-lock.json installable with `npm ci` on every platform.
 *
 * The registry these machines reach serves only Linux builds of native packages, so
 * `npm install` here writes a lockfile without the macOS/Windows/other entries that
 * packages such as Next's SWC or Tailwind's oxide list as optional dependencies; `npm ci`
 * then refuses the lockfile as out of sync. This adds an entry, with the os and cpu read
 * from the package's name, for every optional platform dependency the lockfile lacks.
 * npm skips such entries on a platform they do not match, and fetches them on one they do.
 *
 * Run after `npm install` changed the lockfile: `node scripts/lock-platform-stubs.mjs`.
 */
import fs from "node:fs";

const LOCKFILE = new URL("../package-lock.json", import.meta.url);
const OSES = ["darwin", "win32", "linux", "freebsd", "android", "openharmony", "sunos", "aix", "netbsd", "openbsd"];
const CPUS = ["arm64", "x64", "ia32", "arm", "loong64", "ppc64", "riscv64", "s390x", "wasm32"];

/** "@next/swc-win32-arm64-msvc" → { os: ["win32"], cpu: ["arm64"] }; libc from -gnu/-musl. */
function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const os = parts.find((part) => OSES.includes(part));
  const cpu = parts.find((part) => CPUS.includes(part));
  const libc = parts.some((part) => part.startsWith("musl")) ? "musl" : parts.some((part) => part.startsWith("gnu")) ? "glibc" : undefined;
  if (!os && !cpu) return undefined;
  return { ...(os && { os: [os] }), ...(cpu && { cpu: [cpu] }), ...(libc && os === "linux" && { libc: [libc] }) };
}

const lock = JSON.parse(fs.readFileSync(LOCKFILE, "utf8"));
let added = 0;
for (const [location, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${location}/node_modules/${name}`;
    const hoisted = `node_modules/${name}`;
    if (lock.packages[nested] || lock.packages[hoisted]) continue;
    const platform = platformOf(name);
    if (!platform) continue;
    lock.packages[hoisted] = { version, ...(entry.dev && { dev: true }), optional: true, ...platform };
    added += 1;
  }
}

lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
fs.writeFileSync(LOCKFILE, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: added ${added} optional platform entries.`);
