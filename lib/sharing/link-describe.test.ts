import { describe, expect, it } from "vitest";
import { describeActor, describeDetail } from "@/lib/activity/describe";
import { activityKindLabel } from "@/lib/activity/kinds";

describe("public-link entries in the activity log", () => {
  it("have words, and an open reads as someone with the link, not as an unknown person", () => {
    expect(["share_link_created", "share_link_revoked", "share_link_opened"].map(activityKindLabel)).toEqual(["Public link made", "Public link revoked", "Public link opened"]);
    const opened = { id: "1", at: "2026-11-29T10:00:00.000Z", kind: "share_link_opened", actor: null, subject: "AbCd1234", detail: { run_id: "run_1", created_by: "ana@x.example" } };
    expect(describeActor(opened)).toBe("Someone with the link");
    expect(describeActor({ ...opened, kind: "sign_in_failed" })).toBe("Unknown");
    expect(describeDetail(opened)).toBe("run id: run_1 · created by: ana@x.example");
  });
});
