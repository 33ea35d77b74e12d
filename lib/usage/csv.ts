import type { UsageFigures, UsageReport, UsageRow } from "@/lib/usage/report";

/**
 * The usage report as CSV (RFC 4180). Safe to open in a spreadsheet: a cell that starts
 * with = + - @ (or a tab or carriage return) is a formula there, so it is prefixed with
 * ' — a teammate's project or model name must not run as one on an admin's machine.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null): string {
  let text = value === null ? "" : String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(cells: Array<string | number | null>): string {
  return cells.map(csvCell).join(",");
}

export const CSV_HEADER = ["section", "key", "name", "runs", "spend_usd", "charged_usd", "held_usd", "cap_usd", "left_usd", "note"];

function figureCells(figures: UsageFigures): Array<number> {
  return [figures.runs, figures.spendUsd, figures.chargedUsd, figures.heldUsd];
}

function rowLines(section: string, rows: UsageRow[]): string[] {
  return rows.map((row) => csvLine([section, row.key, row.label, ...figureCells(row), null, null, null]));
}

export function usageCsv(report: UsageReport): string {
  const lines = [CSV_HEADER.join(",")];
  const who = report.scope.kind === "team" ? "team" : report.scope.email;
  lines.push(csvLine(["total", report.month, who, ...figureCells(report.totals), null, null, "runs launched through the dashboard"]));
  lines.push(...rowLines("teammate", report.byTeammate));
  lines.push(...rowLines("model", report.byModel));
  lines.push(...rowLines("project", report.byProject));
  lines.push(...rowLines("day", report.byDay.filter((row) => row.runs > 0 || row.spendUsd !== 0)));
  for (const cap of report.caps) {
    lines.push(csvLine(["cap", cap.scope, cap.label, null, cap.spentUsd, null, null, cap.capUsd, cap.leftUsd, cap.capUsd === null ? "no cap" : null]));
  }
  if (report.outside) {
    const note = report.outside.unavailable
      ? "FLORA could not be read"
      : report.outside.partial
        ? "partial: older runs of the month were not read"
        : "charged_cost of FLORA runs not launched through the dashboard";
    lines.push(csvLine(["outside_dashboard", report.month, "Outside the dashboard", report.outside.runs, report.outside.unavailable ? null : report.outside.usd, null, null, null, null, note]));
  }
  return `${lines.join("\r\n")}\r\n`;
}

/** "atelier-usage-2026-11.csv", or "…-2026-11-ana-example.com.csv" for one teammate. */
export function usageCsvFilename(report: UsageReport): string {
  const who = report.scope.kind === "user" ? `-${report.scope.email.replace(/[^A-Za-z0-9._-]+/g, "-")}` : "";
  return `atelier-usage-${report.month}${who}.csv`;
}
