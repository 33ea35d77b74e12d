import { describe, expect, it } from "vitest";
import { streamSlots } from "@/lib/live/stream-slots";

describe("stream slots", () => {
  it("refuses a teammate past their own bound, and the instance past its bound, whoever asks", () => {
    const slots = streamSlots(2, 3);
    const ana = [slots.tryAcquire("ana"), slots.tryAcquire("ana")];
    expect(ana.every((slot) => slot.ok)).toBe(true);
    expect(slots.tryAcquire("ana")).toEqual({ ok: false, full: "teammate" });
    expect(slots.tryAcquire("bo").ok).toBe(true);
    expect(slots.tryAcquire("cy")).toEqual({ ok: false, full: "instance" });
    // The refusal took nothing: once one stream closes, cy gets the freed place.
    const first = ana[0]!;
    if (first.ok) first.release();
    expect(slots.tryAcquire("cy").ok).toBe(true);
    expect(slots.tryAcquire("cy")).toEqual({ ok: false, full: "instance" });
  });

  it("releases once however often a stream's close is reported", () => {
    const slots = streamSlots(1, 2);
    const slot = slots.tryAcquire("ana");
    if (!slot.ok) throw new Error("expected a slot");
    slot.release();
    slot.release();
    expect(slots.tryAcquire("ana").ok).toBe(true);
    expect(slots.tryAcquire("bo").ok).toBe(true);
    expect(slots.tryAcquire("cy")).toEqual({ ok: false, full: "instance" });
  });
});
