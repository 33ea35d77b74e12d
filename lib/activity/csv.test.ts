import type { Kysely } from "kysely";
import { describe, expect, it } from "vitest";
import { activityCsvRow, csvCell } from "@/lib/activity/csv";
import { activityCsv, textStream } from "@/lib/activity/export";
import { recordActivity } from "@/lib/activity/record";
import type { Database } from "@/lib/db/schema";
import { memoryDatabase } from "@/lib/testing/memory-db";

describe("csvCell", () => {
  it("quotes commas, quotes and line breaks, doubling the quotes", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('say "hi", then go')).toBe('"say ""hi"", then go"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("cr\rhere")).toBe('"cr\rhere"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(0.25)).toBe("0.25");
  });

  it("keeps a cell a spreadsheet would run as a formula as text, with an apostrophe before it", () => {
    expect(csvCell("=HYPERLINK(\"http://evil.example\",\"x\")")).toBe('"\'=HYPERLINK(""http://evil.example"",""x"")"');
    expect(csvCell("+1+2")).toBe("'+1+2");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("a=1")).toBe("a=1");
  });

  it("writes an entry as one CRLF row, a typed email made harmless", () => {
    const row = activityCsvRow({
      id: "x",
      at: "2026-11-29T10:00:00.000Z",
      kind: "sign_in_failed",
      actor: null,
      subject: "=cmd|' /C calc'!A0",
      detail: { method: "password", address: "203.0.113.9", reason: "unknown_email" },
    });
    expect(row).toBe(
      `2026-11-29T10:00:00.000Z,sign_in_failed,Failed sign-in,,,'=cmd|' /C calc'!A0,"{""method"":""password"",""address"":""203.0.113.9"",""reason"":""unknown_email""}"\r\n`,
    );
  });
});

describe("activityCsv", () => {
  it("streams every page of the selection, newest first, after one header row", async () => {
    const db: Kysely<Database> = await memoryDatabase();
    for (let i = 0; i < 5; i += 1) await recordActivity(db, { kind: i % 2 ? "sign_in" : "launch", actor: { id: null, email: `p${i}@x.example` } }, 1_000 + i);
    const text = await new Response(textStream(activityCsv(db, { kind: "launch" }, 2))).text();
    const lines = text.split("\r\n");
    expect(lines[0]).toBe("time_utc,kind,what,who,who_id,subject,details");
    expect(lines.slice(1, -1).map((line) => line.split(",")[3])).toEqual(["p4@x.example", "p2@x.example", "p0@x.example"]);
    expect(lines.at(-1)).toBe("");
  });

  it("stops reading when the client goes away", async () => {
    const db: Kysely<Database> = await memoryDatabase();
    for (let i = 0; i < 6; i += 1) await recordActivity(db, { kind: "launch", actor: null }, i);
    let pages = 0;
    async function* counted() {
      for await (const chunk of activityCsv(db, {}, 1)) {
        pages += 1;
        yield chunk;
      }
    }
    const reader = textStream(counted()).getReader();
    await reader.read();
    await reader.cancel();
    expect(pages).toBeLessThan(4);
  });
});
