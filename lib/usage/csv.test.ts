import { describe, expect, it } from "vitest";
import { csvCell, usageCsv, usageCsvFilename } from "@/lib/usage/csv";
import type { UsageReport } from "@/lib/usage/report";

const zero = { runs: 0, spendUsd: 0, chargedUsd: 0, heldUsd: 0 };

function report(overrides: Partial<UsageReport> = {}): UsageReport {
  return {
    month: "2026-11",
    scope: { kind: "team" },
    totals: { runs: 3, spendUsd: 0.6, chargedUsd: 0.4, heldUsd: 0.2 },
    byTeammate: [{ key: "u1", label: "ana@example.com", runs: 3, spendUsd: 0.6, chargedUsd: 0.4, heldUsd: 0.2 }],
    byModel: [{ key: "m", label: "=HYPERLINK(\"http://evil\")", runs: 3, spendUsd: 0.6, chargedUsd: 0.4, heldUsd: 0.2 }],
    byProject: [{ key: "prj_a", label: "Spring, \"launch\"", runs: 3, spendUsd: 0.6, chargedUsd: 0.4, heldUsd: 0.2 }],
    byDay: [
      { key: "2026-11-01", label: "2026-11-01", ...zero },
      { key: "2026-11-02", label: "2026-11-02", runs: 3, spendUsd: 0.6, chargedUsd: 0.4, heldUsd: 0.2 },
    ],
    caps: [{ scope: "team", label: "Team", capUsd: 10, spentUsd: 0.6, leftUsd: 9.4 }],
    outside: { usd: 1.25, runs: 4, partial: true, unavailable: false },
    months: ["2026-11"],
    ...overrides,
  };
}

describe("csvCell", () => {
  it("prefixes a cell a spreadsheet would run as a formula with '", () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("+cmd")).toBe("'+cmd");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tx")).toBe("'\tx");
    expect(csvCell("plain")).toBe("plain");
  });

  it("quotes commas, quotes and line breaks, doubling inner quotes", () => {
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell('=A1,"x"')).toBe(`"'=A1,""x"""`);
  });

  it("writes numbers as they are (a negative figure is not a formula) and null as empty", () => {
    expect(csvCell(-0.5)).toBe("-0.5");
    expect(csvCell(0.3)).toBe("0.3");
    expect(csvCell(null)).toBe("");
  });
});

describe("usageCsv", () => {
  it("writes the totals, every dimension, quiet days left out, the caps and the outside line", () => {
    const lines = usageCsv(report()).trimEnd().split("\r\n");
    expect(lines[0]).toBe("section,key,name,runs,spend_usd,charged_usd,held_usd,cap_usd,left_usd,note");
    expect(lines[1]).toBe("total,2026-11,team,3,0.6,0.4,0.2,,,runs launched through the dashboard");
    expect(lines).toContain("teammate,u1,ana@example.com,3,0.6,0.4,0.2,,,");
    expect(lines).toContain(`model,m,"'=HYPERLINK(""http://evil"")",3,0.6,0.4,0.2,,,`);
    expect(lines).toContain(`project,prj_a,"Spring, ""launch""",3,0.6,0.4,0.2,,,`);
    expect(lines.filter((line) => line.startsWith("day,"))).toEqual(["day,2026-11-02,2026-11-02,3,0.6,0.4,0.2,,,"]);
    expect(lines).toContain("cap,team,Team,,0.6,,,10,9.4,");
    expect(lines.at(-1)).toBe("outside_dashboard,2026-11,Outside the dashboard,4,1.25,,,,,partial: older runs of the month were not read");
  });

  it("leaves the outside line out for a teammate and names them in the file name", () => {
    const mine = report({ scope: { kind: "user", userId: "u1", email: "ana@example.com" }, outside: null });
    expect(usageCsv(mine)).not.toContain("outside_dashboard");
    expect(usageCsvFilename(mine)).toBe("atelier-usage-2026-11-ana-example.com.csv");
    expect(usageCsvFilename(report())).toBe("atelier-usage-2026-11.csv");
  });
});
