import { describe, expect, it, vi } from "vitest";
import { createDemoProof, demoModeClaimed } from "@/lib/auth/demo-mode";

vi.mock("@/lib/log", () => ({ log: { warn: vi.fn(), info: vi.fn(), error: vi.fn() } }));

const DEMO = {
  ATELIER_UPSTREAM: "simulator" as const,
  FLORA_API_KEY: "sk_test_sim_0123456789abcdef",
  FLORA_BASE_URL: "http://127.0.0.1:4010/api/v1",
  ATELIER_DEMO_INSTANCE: "instance-0123456789abcdef",
};

describe("demo mode", () => {
  it("is claimed only by a simulator instance on loopback, with a test key and npm start's marker", () => {
    expect(demoModeClaimed(DEMO)).toBe(true);
    expect(demoModeClaimed({ ...DEMO, ATELIER_UPSTREAM: "flora" })).toBe(false);
    expect(demoModeClaimed({ ...DEMO, ATELIER_DEMO_INSTANCE: undefined })).toBe(false);
    expect(demoModeClaimed({ ...DEMO, FLORA_API_KEY: "sk_live_abc" })).toBe(false);
    expect(demoModeClaimed({ ...DEMO, FLORA_API_KEY: undefined })).toBe(false);
    expect(demoModeClaimed({ ...DEMO, FLORA_BASE_URL: "https://app.flora.ai/api/v1" })).toBe(false);
  });

  it("is proven only when the simulator behind the base URL answers this instance's marker", async () => {
    const answers: Record<string, string | null> = { same: DEMO.ATELIER_DEMO_INSTANCE, other: "another-start-0000000", none: null };
    for (const [name, answer] of Object.entries(answers)) {
      const fetchInstance = vi.fn(async () => answer);
      const proven = await createDemoProof({ env: () => DEMO, fetchInstance })();
      expect(proven, name).toBe(name === "same");
      expect(fetchInstance).toHaveBeenCalledWith(DEMO.FLORA_BASE_URL);
    }
  });

  it("fails closed when the simulator does not answer, and never asks when the environment rules it out", async () => {
    const failing = vi.fn(async () => {
      throw new Error("ECONNREFUSED");
    });
    expect(await createDemoProof({ env: () => DEMO, fetchInstance: failing })()).toBe(false);
    const unused = vi.fn(async () => DEMO.ATELIER_DEMO_INSTANCE);
    expect(await createDemoProof({ env: () => ({ ...DEMO, ATELIER_UPSTREAM: "flora" }), fetchInstance: unused })()).toBe(false);
    expect(unused).not.toHaveBeenCalled();
  });

  it("remembers a proof briefly, and asks again once it is stale (the simulator may be gone)", async () => {
    let now = 1_000_000;
    let answer: string | null = DEMO.ATELIER_DEMO_INSTANCE;
    const fetchInstance = vi.fn(async () => answer);
    const proof = createDemoProof({ env: () => DEMO, fetchInstance, now: () => now });
    expect(await Promise.all([proof(), proof(), proof()])).toEqual([true, true, true]);
    expect(fetchInstance).toHaveBeenCalledTimes(1);
    answer = "a-different-simulator-now";
    now += 11_000;
    expect(await proof()).toBe(false);
    expect(fetchInstance).toHaveBeenCalledTimes(2);
  });
});
