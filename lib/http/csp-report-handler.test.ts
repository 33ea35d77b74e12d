import { describe, expect, it } from "vitest";
import { cspReportHandler, cspReportLimits, MAX_REPORT_BYTES } from "@/lib/http/csp-report-handler";
import type { CspViolation } from "@/lib/http/csp-report";

const report = { "csp-report": { "document-uri": "http://127.0.0.1:3000/sign-in", "effective-directive": "script-src-elem", "blocked-uri": "inline" } };

function post(body: string | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  return new Request("http://127.0.0.1:3000/api/csp-report", {
    method: "POST",
    headers: { "content-type": "application/csp-report", "x-test-address": "203.0.113.7", ...headers },
    body,
    duplex: "half",
  } as RequestInit);
}

function setUp(perAddress = 60, overall = 600) {
  const logged: CspViolation[] = [];
  const handle = cspReportHandler({
    limits: cspReportLimits(perAddress, overall),
    warn: (_message, details) => logged.push(details),
    addressOf: (request) => request.headers.get("x-test-address") ?? "unknown",
  });
  return { logged, handle };
}

describe("cspReportHandler", () => {
  it("logs a report-uri report and answers 204", async () => {
    const { logged, handle } = setUp();
    const response = await handle(post(JSON.stringify(report)));
    expect(response.status).toBe(204);
    expect(logged).toEqual([{ document: "http://127.0.0.1:3000/sign-in", directive: "script-src-elem", blocked: "inline" }]);
  });

  it("takes Reporting API bodies too, whatever parameters the type carries", async () => {
    const { logged, handle } = setUp();
    const body = [{ type: "csp-violation", body: { documentURL: "http://127.0.0.1:3000/new", effectiveDirective: "img-src" } }];
    const response = await handle(post(JSON.stringify(body), { "content-type": "application/reports+json; charset=utf-8" }));
    expect(response.status).toBe(204);
    expect(logged).toEqual([{ document: "http://127.0.0.1:3000/new", directive: "img-src" }]);
  });

  it("refuses a body over 16 KB with 413 in the envelope, declared or not", async () => {
    const { logged, handle } = setUp();
    const declared = await handle(post(JSON.stringify(report), { "content-length": String(MAX_REPORT_BYTES + 1) }));
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({ error: { code: "payload_too_large", message: expect.any(String) } });

    // Chunked, no length: counted while read.
    const chunk = new TextEncoder().encode("x".repeat(4096));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 5; i++) controller.enqueue(chunk);
        controller.close();
      },
    });
    const undeclared = await handle(post(stream));
    expect(undeclared.status).toBe(413);
    expect((await undeclared.json()).error.code).toBe("payload_too_large");
    expect(logged).toEqual([]);
  });

  it("refuses other media types with 415, and broken JSON with 400", async () => {
    const { logged, handle } = setUp();
    const wrongType = await handle(post(JSON.stringify(report), { "content-type": "text/plain" }));
    expect(wrongType.status).toBe(415);
    expect((await wrongType.json()).error.code).toBe("unsupported_media_type");
    const broken = await handle(post("{not json"));
    expect(broken.status).toBe(400);
    expect((await broken.json()).error.code).toBe("invalid_json");
    expect(logged).toEqual([]);
  });

  it("stops logging one address past its limit, still answering 204, while others are heard", async () => {
    const { logged, handle } = setUp(3);
    for (let i = 0; i < 10; i++) expect((await handle(post(JSON.stringify(report)))).status).toBe(204);
    expect(logged).toHaveLength(3);
    await handle(post(JSON.stringify(report), { "x-test-address": "198.51.100.9" }));
    expect(logged).toHaveLength(4);
  });

  it("stops logging past the overall limit, however many addresses send", async () => {
    const { logged, handle } = setUp(60, 5);
    for (let i = 0; i < 20; i++) await handle(post(JSON.stringify(report), { "x-test-address": `198.51.100.${i}` }));
    expect(logged).toHaveLength(5);
  });
});
