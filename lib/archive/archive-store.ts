import "server-only";
import { createLocalStore } from "@/lib/archive/local-store";
import { createS3Store } from "@/lib/archive/s3-store";
import type { ArchiveStore } from "@/lib/archive/store";
import type { Env } from "@/lib/env-schema";
import { getEnv } from "@/lib/env";

type ArchiveSettings = Pick<Env, "ARCHIVE_DIR" | "S3_BUCKET" | "S3_ENDPOINT" | "S3_REGION" | "S3_ACCESS_KEY_ID" | "S3_SECRET_ACCESS_KEY">;

/** S3 when S3_BUCKET is set, else the local folder ARCHIVE_DIR: chosen here and nowhere else. */
export function storeFor(env: ArchiveSettings): ArchiveStore {
  if (env.S3_BUCKET) {
    return createS3Store({
      bucket: env.S3_BUCKET,
      region: env.S3_REGION,
      endpoint: env.S3_ENDPOINT,
      credentials: env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY } : undefined,
    });
  }
  return createLocalStore(env.ARCHIVE_DIR);
}

// On globalThis: instrumentation and the route handlers are bundled apart but share a process.
const globalArchive = globalThis as typeof globalThis & { __atelierArchiveStore?: ArchiveStore };

/** The process's archive store, from the validated environment. */
export function getArchiveStore(): ArchiveStore {
  globalArchive.__atelierArchiveStore ??= storeFor(getEnv());
  return globalArchive.__atelierArchiveStore;
}
