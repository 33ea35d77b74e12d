import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildIsStale } from "./build-freshness";

let root: string;

function touch(relative: string, mtimeSeconds: number) {
  const file = path.join(root, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, "x");
  fs.utimesSync(file, mtimeSeconds, mtimeSeconds);
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-build-"));
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe("buildIsStale", () => {
  it("is stale without a build", () => {
    touch("app/page.tsx", 1_000);
    expect(buildIsStale(root)).toBe(true);
  });

  it("is fresh when the build is newer than every source", () => {
    touch("app/page.tsx", 1_000);
    touch("lib/deep/nested/file.ts", 1_500);
    touch(".next/BUILD_ID", 2_000);
    expect(buildIsStale(root)).toBe(false);
  });

  it("is stale when a source changed after the build", () => {
    touch(".next/BUILD_ID", 2_000);
    touch("components/runs/table.tsx", 3_000);
    expect(buildIsStale(root)).toBe(true);
  });

  it("ignores test files, which the build does not use", () => {
    touch(".next/BUILD_ID", 2_000);
    touch("lib/format.test.ts", 3_000);
    expect(buildIsStale(root)).toBe(false);
  });
});
