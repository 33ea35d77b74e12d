import "server-only";
import { getArchiveStore } from "@/lib/archive/archive-store";
import type { ArchiveStore } from "@/lib/archive/store";

class TimeoutError extends Error {}

export type ArchiveHealth = { status: "ok" } | { status: "error"; message: string };

const CHECK_TIMEOUT_MS = 5_000;

/**
 * For /api/health: the local folder can be written, or the S3 bucket answers HeadBucket.
 * The message names the kind of store and the failure's class, not paths or credentials.
 */
export async function checkArchive(store: ArchiveStore = getArchiveStore()): Promise<ArchiveHealth> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      store.check(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new TimeoutError(`no answer within ${CHECK_TIMEOUT_MS / 1000} s`)), CHECK_TIMEOUT_MS);
        timer.unref();
      }),
    ]);
    return { status: "ok" };
  } catch (error) {
    // A code (EACCES, ENOSPC) or the SDK's error name, never a path or a key.
    const code = (error as { code?: unknown }).code;
    const reason = typeof code === "string" ? code : error instanceof TimeoutError ? error.message : error instanceof Error ? error.name : "unknown error";
    return { status: "error", message: store.kind === "s3" ? `the S3 bucket cannot be reached (${reason})` : `the archive folder cannot be written (${reason})` };
  } finally {
    clearTimeout(timer);
  }
}
