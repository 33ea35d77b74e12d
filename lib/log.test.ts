import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const KEY = "sk_test_SeCrEtKeY1234567890";
const env = { FLORA_API_KEY: KEY as string | undefined, LOG_LEVEL: "info" };
vi.mock("@/lib/env", () => ({ getEnv: () => env }));

let out: string[];
let err: string[];

/** A fresh copy of the module, so each test's environment builds its own logger. */
async function freshLog() {
  vi.resetModules();
  return import("@/lib/log");
}

const lines = (written: string[]) => written.join("").split("\n").filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);

beforeEach(() => {
  out = [];
  err = [];
  env.FLORA_API_KEY = KEY;
  env.LOG_LEVEL = "info";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (err.push(String(chunk)), true));
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe("log", () => {
  it("writes one JSON line: level and time first, the details, the message last", async () => {
    const { log } = await freshLog();
    log.info("run loaded", { run: "run_1", took: 12 });
    expect(out).toHaveLength(1);
    expect(out[0]!.endsWith("\n")).toBe(true);
    const line = lines(out)[0]!;
    expect(Object.keys(line)).toEqual(["level", "time", "run", "took", "message"]);
    expect(line).toMatchObject({ level: "info", run: "run_1", took: 12, message: "run loaded" });
    expect(new Date(line.time as string).toISOString()).toBe(line.time);
  });

  it("sends debug and info to stdout, warn and error to stderr only", async () => {
    env.LOG_LEVEL = "debug";
    const { log } = await freshLog();
    log.debug("d");
    log.info("i");
    log.warn("w");
    log.error("e");
    expect(lines(out).map((line) => line.level)).toEqual(["debug", "info"]);
    expect(lines(err).map((line) => line.level)).toEqual(["warn", "error"]);
  });

  it("drops lines below LOG_LEVEL", async () => {
    env.LOG_LEVEL = "warn";
    const { log } = await freshLog();
    log.debug("d");
    log.info("i");
    log.warn("w");
    expect(out).toEqual([]);
    expect(lines(err).map((line) => line.message)).toEqual(["w"]);
  });

  it("never lets a detail named message, level or time pass for the line's own", async () => {
    const { log } = await freshLog();
    log.warn("the real message", { message: "forged", level: "debug", time: "yesterday", kept: true });
    const line = lines(err)[0]!;
    expect(line).toMatchObject({ message: "the real message", level: "warn", kept: true });
    expect(line.time).not.toBe("yesterday");
    expect(err[0]!.match(/"message"/g)).toHaveLength(1);
    expect(err[0]!.match(/"level"/g)).toHaveLength(1);
  });

  it("replaces the FLORA key wherever it appears: message, nested details, error stacks", async () => {
    const { log, describeError } = await freshLog();
    const error = new Error(`upstream said: bad key ${KEY}`);
    log.error(`calling with ${KEY}`, { headers: { authorization: `Bearer ${KEY}` }, list: [KEY], ...describeError(error) });
    log.info("plain", { note: `x${KEY}x` });
    const written = err.join("") + out.join("");
    expect(written).not.toContain(KEY);
    const line = lines(err)[0]!;
    expect(line.message).toBe("calling with [redacted]");
    expect(line.headers).toEqual({ authorization: "Bearer [redacted]" });
    expect(line.list).toEqual(["[redacted]"]);
    expect(line.stack).toMatch(/^Error: upstream said: bad key \[redacted\]\n\s+at /);
    expect(lines(out)[0]!.note).toBe("x[redacted]x");
  });

  it("writes lines as they are when no key is set", async () => {
    env.FLORA_API_KEY = undefined;
    const { log } = await freshLog();
    log.info("hello", { a: "b" });
    expect(lines(out)[0]).toMatchObject({ message: "hello", a: "b" });
  });

  it("tags every line inside withRequestId with the request's id, and none outside", async () => {
    const { log, withRequestId } = await freshLog();
    await withRequestId(async () => {
      log.info("first");
      await new Promise((resolve) => setTimeout(resolve, 1));
      log.info("after a wait", { reqId: "forged" });
    }, "req-1");
    withRequestId(() => log.info("generated"));
    log.info("outside");
    const [first, later, generated, outside] = lines(out);
    expect([first!.reqId, later!.reqId]).toEqual(["req-1", "req-1"]);
    expect(generated!.reqId).toMatch(/^[0-9a-f-]{36}$/);
    expect(outside).not.toHaveProperty("reqId");
  });
});

describe("describeError", () => {
  it("keeps name, message, stack, status and the upstream request id", async () => {
    const { describeError } = await freshLog();
    const error = Object.assign(new TypeError("boom"), { status: 502, headers: new Headers({ "request-id": "req_up" }) });
    expect(describeError(error)).toMatchObject({ name: "TypeError", error: "boom", status: 502, requestId: "req_up" });
    expect(describeError(error).stack).toContain("TypeError: boom");
    expect(describeError("plain")).toEqual({ error: "plain" });
  });
});
