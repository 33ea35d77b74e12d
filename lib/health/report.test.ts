import { describe, expect, it, vi } from "vitest";
import { HTTP_STATUS, runChecks, safeMessage, type CheckSpec } from "@/lib/health/report";

const ok: CheckSpec = { run: async () => ({ status: "ok" }), essential: true, failureMessage: "The store cannot be read." };
const off: CheckSpec = { run: async () => ({ status: "off" }), essential: true, failureMessage: "Redis cannot be reached." };
const archiveOk: CheckSpec = { run: async () => ({ status: "ok" }), essential: false, failureMessage: "The archive cannot be reached." };

describe("runChecks", () => {
  it("is ok (200) when every configured dependency answers and the rest are off", async () => {
    const report = await runChecks({ store: ok, redis: off, archive: archiveOk });
    expect(report).toEqual({ status: "ok", checks: { store: { status: "ok" }, redis: { status: "off" }, archive: { status: "ok" } } });
    expect(HTTP_STATUS[report.status]).toBe(200);
  });

  it("is error (503) when the store throws, and shows only the fixed message", async () => {
    const onFailure = vi.fn();
    const store: CheckSpec = {
      ...ok,
      run: async () => {
        throw new Error("connect ECONNREFUSED 10.0.0.7:5432 postgres://atelier:hunter2@db/atelier");
      },
    };
    const report = await runChecks({ store, redis: off, archive: archiveOk }, { onFailure });
    expect(report.status).toBe("error");
    expect(HTTP_STATUS[report.status]).toBe(503);
    expect(report.checks.store).toEqual({ status: "error", message: "The store cannot be read." });
    // The details reach the server's log, not the answer.
    expect(onFailure).toHaveBeenCalledWith("store", expect.objectContaining({ message: expect.stringContaining("ECONNREFUSED") }));
    const body = JSON.stringify(report);
    for (const secret of ["hunter2", "10.0.0.7", "postgres://", "5432", "ECONNREFUSED", "at "]) expect(body).not.toContain(secret);
  });

  it("is degraded but still 200 when only the archive fails: the instance serves without it", async () => {
    const archive: CheckSpec = { ...archiveOk, run: async () => ({ status: "error", message: "the S3 bucket cannot be reached (NoSuchBucket)" }) };
    const report = await runChecks({ store: ok, redis: off, archive });
    expect(report.status).toBe("degraded");
    expect(HTTP_STATUS[report.status]).toBe(200);
    expect(report.checks.archive).toEqual({ status: "error", message: "the S3 bucket cannot be reached (NoSuchBucket)" });
  });

  it("answers within the time box when a dependency hangs, and reports it as an error", async () => {
    const hung: CheckSpec = { ...ok, run: () => new Promise(() => undefined) };
    const onFailure = vi.fn();
    const started = Date.now();
    const report = await runChecks({ store: hung, redis: off, archive: archiveOk }, { timeoutMs: 50, onFailure });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(report.status).toBe("error");
    expect(report.checks.store).toEqual({ status: "error", message: "No answer within 50 ms." });
    expect(onFailure).toHaveBeenCalledWith("store", expect.any(Error));
  });

  it("runs the checks side by side: two hung checks cost one time box, not two", async () => {
    const hung: CheckSpec = { ...ok, run: () => new Promise(() => undefined) };
    const started = Date.now();
    await runChecks({ store: hung, redis: off, archive: { ...hung, essential: false } }, { timeoutMs: 200 });
    expect(Date.now() - started).toBeLessThan(390);
  });

  it("replaces a check's own message that carries a path, a URL or a host", async () => {
    for (const leaky of [
      "cannot write /srv/atelier/data/archive",
      "https://minio.internal:9000 refused",
      "bucket at minio.internal not found",
      "user@host denied",
      "x".repeat(121),
    ]) {
      const archive: CheckSpec = { ...archiveOk, run: async () => ({ status: "error", message: leaky }) };
      const report = await runChecks({ store: ok, redis: off, archive });
      expect(report.checks.archive).toEqual({ status: "error", message: "The archive cannot be reached." });
    }
  });
});

describe("safeMessage", () => {
  it("keeps a plain sentence and refuses anything with an address in it", () => {
    expect(safeMessage("the archive folder cannot be written (EACCES)", "x")).toBe("the archive folder cannot be written (EACCES)");
    expect(safeMessage("No answer within 1000 ms.", "x")).toBe("No answer within 1000 ms.");
    expect(safeMessage("cannot reach 10.1.2.3", "fixed")).toBe("fixed");
    expect(safeMessage("Error: boom\n    at foo (file.ts)", "fixed")).toBe("fixed");
  });
});
