import { describe, expect, it, vi } from "vitest";

vi.mock("@/lib/log", () => ({ log: { warn: vi.fn(), info: vi.fn(), error: vi.fn() } }));
const { listQueryKey } = await import("@/lib/flora/reads");

describe("listQueryKey", () => {
  it("is the whole upstream query, whatever the order of its keys, and nothing else", () => {
    const a = listQueryKey("/generations", { workspace_id: "ws_a", status: "running", limit: 50 });
    const b = listQueryKey("/generations", { limit: 50, status: "running", workspace_id: "ws_a", cursor: undefined });
    expect(a).toBe(b);
    expect(listQueryKey("/generations", { workspace_id: "ws_a", limit: 50 })).not.toBe(a);
    expect(listQueryKey("/generations", { workspace_id: "ws_a", status: "running", limit: 50, cursor: "c2" })).not.toBe(a);
    expect(listQueryKey("/technique-runs", { workspace_id: "ws_a", status: "running", limit: 50 })).not.toBe(a);
  });
});
