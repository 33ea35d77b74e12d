import { describe, expect, it, vi } from "vitest";
import { ConcurrencySlots, MAX_CONCURRENT_DOWNLOADS_PER_USER, streamReleasing } from "@/lib/runs/download-slots";

describe("ConcurrencySlots", () => {
  it(`gives one user ${MAX_CONCURRENT_DOWNLOADS_PER_USER} slots at once, and another user their own`, () => {
    const slots = new ConcurrencySlots(MAX_CONCURRENT_DOWNLOADS_PER_USER);
    const held = Array.from({ length: MAX_CONCURRENT_DOWNLOADS_PER_USER }, () => slots.tryAcquire("ana"));
    expect(held.every(Boolean)).toBe(true);
    expect(slots.tryAcquire("ana")).toBeNull();
    expect(slots.tryAcquire("ben")).not.toBeNull();
  });

  it("frees a slot on release, and a second release of the same slot frees nothing more", () => {
    const slots = new ConcurrencySlots(2);
    const first = slots.tryAcquire("ana")!;
    slots.tryAcquire("ana");
    first();
    first();
    expect(slots.held("ana")).toBe(1);
    expect(slots.tryAcquire("ana")).not.toBeNull();
    expect(slots.tryAcquire("ana")).toBeNull();
  });
});

async function* chunks(fail = false) {
  yield new Uint8Array([1]);
  yield new Uint8Array([2]);
  if (fail) throw new Error("media host went away");
}

describe("streamReleasing", () => {
  it("releases once the body has been read to the end", async () => {
    const release = vi.fn();
    const stream = streamReleasing(chunks(), release);
    const reader = stream.getReader();
    await reader.read();
    expect(release).not.toHaveBeenCalled();
    while (!(await reader.read()).done);
    expect(release).toHaveBeenCalledTimes(1);
  });

  it("releases when the body fails", async () => {
    const release = vi.fn();
    await expect(new Response(streamReleasing(chunks(true), release)).arrayBuffer()).rejects.toThrow("media host went away");
    expect(release).toHaveBeenCalledTimes(1);
  });

  it("releases when the client cancels, and stops the source", async () => {
    const release = vi.fn();
    const source = chunks();
    const stream = streamReleasing(source, release);
    const reader = stream.getReader();
    await reader.read();
    await reader.cancel("client went away");
    expect(release).toHaveBeenCalledTimes(1);
    expect(await source.next()).toEqual({ done: true, value: undefined });
  });
});
