import { describe, expect, it } from "vitest";
import { StreamSlots } from "@/lib/live/stream-slots";

describe("StreamSlots", () => {
  it("gives each teammate up to the bound, refuses the next, and frees a slot once per release", () => {
    const slots = new StreamSlots(2);
    const first = slots.take("ana")!;
    const second = slots.take("ana")!;
    expect(slots.take("ana")).toBeNull();
    expect(slots.take("ben")).not.toBeNull();
    first();
    first();
    expect(slots.total).toBe(2);
    const third = slots.take("ana");
    expect(third).not.toBeNull();
    expect(slots.take("ana")).toBeNull();
    second();
    third!();
    expect(slots.total).toBe(1);
  });
});
