import { describe, expect, it } from "vitest";
import { storeFor } from "@/lib/archive/archive-store";
import { EnvError, parseEnv } from "@/lib/env-schema";

const base = { ATELIER_UPSTREAM: "simulator", FLORA_BASE_URL: "http://127.0.0.1:9/api/v1" };

describe("the archive's settings", () => {
  it("default to launched runs, a local folder, no retention", () => {
    const env = parseEnv(base);
    expect([env.ARCHIVE_RUNS, env.ARCHIVE_DIR, env.ARCHIVE_RETENTION_DAYS]).toEqual(["launched", "./data/archive", undefined]);
    expect(storeFor(env).kind).toBe("local");
  });

  it("use S3 when S3_BUCKET is set", () => {
    expect(storeFor(parseEnv({ ...base, S3_BUCKET: "atelier", S3_ENDPOINT: "http://127.0.0.1:9000" })).kind).toBe("s3");
  });

  it("refuse an unknown ARCHIVE_RUNS, a retention that is not whole days, and one S3 key without the other", () => {
    expect(() => parseEnv({ ...base, ARCHIVE_RUNS: "some" })).toThrow(/ARCHIVE_RUNS must be launched, all or none/);
    expect(() => parseEnv({ ...base, ARCHIVE_RETENTION_DAYS: "1.5" })).toThrow(/ARCHIVE_RETENTION_DAYS must be a whole number of days/);
    expect(() => parseEnv({ ...base, S3_BUCKET: "b", S3_ACCESS_KEY_ID: "id" })).toThrow(EnvError);
    expect(() => parseEnv({ ...base, S3_ENDPOINT: "minio:9000" })).toThrow(/S3_ENDPOINT must be an http\(s\) URL/);
  });
});
