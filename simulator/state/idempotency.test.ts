import { describe, expect, it } from "vitest";
import { IdempotencyRegistry } from "./idempotency";

describe("IdempotencyRegistry", () => {
  it("refuses a key again within two hours on the simulator's clock, per API key, then forgets it", () => {
    let now = 1_700_000_000_000;
    const registry = new IdempotencyRegistry(() => now);
    registry.remember("sk_a", "k1");
    expect(registry.isDuplicate("sk_a", "k1")).toBe(true);
    expect(registry.isDuplicate("sk_b", "k1")).toBe(false);
    now += 2 * 60 * 60 * 1000 - 1;
    expect(registry.isDuplicate("sk_a", "k1")).toBe(true);
    now += 2;
    expect(registry.isDuplicate("sk_a", "k1")).toBe(false);
  });

  it("counts and clears its keys", () => {
    const registry = new IdempotencyRegistry(() => 1_700_000_000_000);
    registry.remember("sk_a", "k1");
    registry.remember("sk_a", "k2");
    expect(registry.size).toBe(2);
    registry.clear();
    expect(registry.size).toBe(0);
  });
});
