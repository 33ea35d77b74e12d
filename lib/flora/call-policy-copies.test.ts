import { describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/errors/api-error";
import { runCacheKey, runPollCache } from "@/lib/flora/cache/run-poll-cache";
import { isUpstreamCallError, isUpstreamNotFound, UpstreamCallError } from "@/lib/flora/call-policy";

/**
 * The custom server (tsx) and Next's bundles each load their own copy of call-policy; the
 * poll cache on globalThis is made by whichever came first. A fresh module graph stands in
 * for the other copy here.
 */
async function otherCopy(): Promise<typeof import("@/lib/flora/call-policy")> {
  vi.resetModules();
  return import("@/lib/flora/call-policy");
}

const notFound = (copy: typeof import("@/lib/flora/call-policy")) =>
  new copy.UpstreamCallError({ kind: "status", status: 404 } as never, new ApiError("not_found", "FLORA has no such run."));

describe("an UpstreamCallError from another copy of the module", () => {
  it("is recognised, where instanceof says no; an Error that only borrows the name is not", async () => {
    const other = await otherCopy();
    const foreign = notFound(other);
    expect(other.UpstreamCallError).not.toBe(UpstreamCallError);
    expect(foreign instanceof UpstreamCallError).toBe(false);
    expect(isUpstreamCallError(foreign)).toBe(true);
    expect(isUpstreamNotFound(foreign)).toBe(true);
    expect(isUpstreamCallError(Object.assign(new Error("x"), { name: "UpstreamCallError" }))).toBe(false);
    expect(isUpstreamNotFound(new other.UpstreamCallError({ kind: "status", status: 503 } as never, new ApiError("service_unavailable", "Later.")))).toBe(false);
  });

  it("'no such run' is still remembered by the run cache: FLORA is asked once", async () => {
    const other = await otherCopy();
    let reads = 0;
    const load = async () => {
      reads += 1;
      throw notFound(other);
    };
    for (let i = 0; i < 3; i += 1) {
      await expect(runPollCache().get(runCacheKey("run_gone_elsewhere"), load)).rejects.toMatchObject({ apiError: { code: "not_found" } });
    }
    expect(reads).toBe(1);
  });
});
