import { describe, expect, it } from "vitest";
import { forgetRememberedUsers, recallTokenClaims, recallUser, rememberTokenClaims, rememberUser } from "@/lib/auth/session-memory";

describe("session memory", () => {
  it("answers until the given end, by the caller's clock", () => {
    const now = Date.now();
    rememberTokenClaims("tok-until", { uid: "u1", sv: 1 }, now + 30_000);
    expect(recallTokenClaims("tok-until", now + 29_999)).toEqual({ uid: "u1", sv: 1 });
    expect(recallTokenClaims("tok-until", now + 30_000)).toBeUndefined();
  });

  it("tells a user remembered as absent from one not remembered, and forgets users on demand", () => {
    const now = Date.now();
    rememberUser("u-absent", undefined, now + 1_000);
    expect(recallUser("u-absent", now)).toEqual({ user: undefined });
    expect(recallUser("u-never", now)).toBeUndefined();
    forgetRememberedUsers();
    expect(recallUser("u-absent", now)).toBeUndefined();
  });

  it("keeps at most 5,000 tokens, forgetting the least recently used", () => {
    const until = Date.now() + 60_000;
    rememberTokenClaims("tok-kept", { uid: "kept", sv: 0 }, until);
    rememberTokenClaims("tok-dropped", { uid: "dropped", sv: 0 }, until);
    recallTokenClaims("tok-kept");
    for (let i = 0; i < 4_999; i += 1) rememberTokenClaims(`tok-${i}`, { uid: `u${i}`, sv: 0 }, until);
    expect(recallTokenClaims("tok-kept")).toBeDefined();
    expect(recallTokenClaims("tok-dropped")).toBeUndefined();
  });

  it("lives on globalThis, so every bundle of the process shares it", () => {
    rememberTokenClaims("tok-shared", { uid: "shared", sv: 0 }, Date.now() + 60_000);
    const shared = (globalThis as { __atelierSessionTokens?: { get(key: string): unknown } }).__atelierSessionTokens;
    expect(shared?.get("tok-shared")).toMatchObject({ value: { uid: "shared" } });
  });
});
