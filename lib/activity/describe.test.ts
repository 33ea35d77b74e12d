import { describe, expect, it } from "vitest";
import type { ActivityEntryView } from "@/lib/activity/contract";
import { describeActor, describeDetail } from "@/lib/activity/describe";

const entry = (kind: string, detail: Record<string, unknown> | null, actor: ActivityEntryView["actor"] = null): ActivityEntryView => ({
  id: "x",
  at: "2026-11-29T10:00:00.000Z",
  kind,
  actor,
  subject: null,
  detail,
});

describe("describeDetail", () => {
  it("puts each of the kinds this page records into words", () => {
    expect(describeDetail(entry("sign_in", { method: "password", address: "203.0.113.9" }))).toBe("With email and password from 203.0.113.9");
    expect(describeDetail(entry("sign_in_failed", { method: "google", address: "203.0.113.9", reason: "not_admitted" }))).toBe(
      "not admitted (allowlist, disabled user or unverified email), with google from 203.0.113.9",
    );
    expect(describeDetail(entry("role_changed", { from: "viewer", to: "admin" }))).toBe("Viewer → Admin");
    expect(describeDetail(entry("user_changed", { change: "signed_out_everywhere" }))).toBe("Signed out everywhere");
    expect(describeDetail(entry("user_added", { role: "member", via: "sign_in" }))).toBe("As Member, at their first sign-in");
    expect(describeDetail(entry("output_downloaded", { archive: "zip" }))).toBe("Every output, as a zip");
    expect(describeDetail(entry("output_downloaded", { output_id: "out_2", technique_id: "tech_1" }))).toBe("Output out_2 of technique tech_1");
  });

  it("describes other kinds from their own keys, money in dollars", () => {
    expect(describeDetail(entry("launch", { model: "flux", estimate_usd: 0.32, charged_usd: null, result: "confirmed", via: "x" }))).toBe(
      "model: flux · estimate: $0.32 · charged: — · result: confirmed",
    );
    expect(describeDetail(entry("launch", null))).toBe("");
  });
});

describe("describeActor", () => {
  it("names the person, else the users command, else nobody known", () => {
    expect(describeActor(entry("sign_in", null, { id: "u", email: "ana@x.example" }))).toBe("ana@x.example");
    expect(describeActor(entry("role_changed", { via: "users_command" }))).toBe("Users command");
    expect(describeActor(entry("token_created", { via: "users command" }))).toBe("Users command");
    expect(describeActor(entry("sign_in_failed", { reason: "wrong_password" }))).toBe("Unknown");
  });
});
