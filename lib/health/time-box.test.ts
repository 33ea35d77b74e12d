import { describe, expect, it } from "vitest";
import { timeBox } from "@/lib/health/time-box";

describe("timeBox", () => {
  it("gives the work's answer when it comes in time", async () => {
    expect(await timeBox(async () => "answer", 1_000, () => "late")).toBe("answer");
  });

  it("gives the timeout's answer when the work hangs", async () => {
    const started = Date.now();
    expect(await timeBox(() => new Promise<string>(() => undefined), 30, () => "late")).toBe("late");
    expect(Date.now() - started).toBeLessThan(500);
  });

  it("passes on a failure that comes in time, even a synchronous throw", async () => {
    await expect(
      timeBox(
        () => {
          throw new Error("sync");
        },
        1_000,
        () => "late",
      ),
    ).rejects.toThrow("sync");
  });
});
