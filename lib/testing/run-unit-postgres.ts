/**
 * `npm run test:unit:pg`: the unit suite with every store on a throwaway Postgres, which the
 * vitest global setup starts and stops (TEST_POSTGRES=1). Arguments go to vitest.
 * `--if-available` (what `npm test` passes): skip with a note when no Postgres binaries are
 * installed, so `npm test` works on a machine without them; CI installs them.
 * `--store-tests` (also what `npm test` passes): only lib/'s test files that open a store or
 * mock it, the ones Postgres can change the outcome of; the rest already ran on SQLite and
 * would only cost CI minutes twice.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { findPostgresBin } from "./postgres";
import { withTestPostgres } from "./postgres-env";

const args = process.argv.slice(2);
const ifAvailable = args.includes("--if-available");
const storeTestsOnly = args.includes("--store-tests");
const vitestArgs = args.filter((arg) => arg !== "--if-available" && arg !== "--store-tests");

/** Test files that reach the store: they open one, mock lib/db, or start Postgres themselves. */
const STORE_USE = /testing\/memory-db|testing\/postgres|@\/lib\/db|lib\/db\/|getDb|openDatabase|launchRun|lib\/backup/;
const SKIP = new Set(["node_modules", ".next", ".git", "e2e", "test-results", "data"]);

function storeTestFiles(dir = "."): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name)) return [];
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return storeTestFiles(file);
    return entry.name.endsWith(".test.ts") && STORE_USE.test(fs.readFileSync(file, "utf8")) ? [file] : [];
  });
}

if (!findPostgresBin()) {
  const message = "No Postgres binaries under /usr/lib/postgresql/*/bin (apt-get install -y postgresql)";
  if (ifAvailable) {
    console.log(`${message}: the unit suite on Postgres is skipped.`);
    process.exit(0);
  }
  console.error(`${message}.`);
  process.exit(1);
}

// The store layer and the domain modules over it live in lib/; the route tests above them
// run their store code through the same modules.
const files = storeTestsOnly ? storeTestFiles("lib") : [];
if (storeTestsOnly) console.log(`The ${files.length} test files that reach the store, on Postgres:`);
const result = spawnSync("vitest", ["run", ...vitestArgs, ...files], { stdio: "inherit", env: withTestPostgres() });
process.exit(result.status ?? 1);
