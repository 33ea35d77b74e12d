import type { Month } from "@/lib/usage/month";

/**
 * The usage report as the API returns it and the page renders it. Types only, so the
 * browser's chart component may import them without pulling in server code.
 *
 * Money: `spendUsd` is what counts against the caps (each launch's reservation: FLORA's
 * charge once known, the estimate until then), split into `chargedUsd` (charged by FLORA)
 * and `heldUsd` (estimates still held for runs FLORA has not charged yet).
 */
export interface UsageFigures {
  runs: number;
  spendUsd: number;
  chargedUsd: number;
  heldUsd: number;
}

export interface UsageRow extends UsageFigures {
  key: string;
  label: string;
}

export interface CapStatus {
  /** "team", or the teammate's user id. */
  scope: string;
  label: string;
  capUsd: number | null;
  spentUsd: number;
  /** What is left under the cap (never below 0); null without a cap. */
  leftUsd: number | null;
}

/** Spend on FLORA by runs the dashboard did not launch (team-wide, admins only). */
export interface OutsideSpend {
  usd: number;
  runs: number;
  /** The page cap was reached before the month's start: older runs of the month were not read. */
  partial: boolean;
  /** FLORA's lists could not be read; the figure is unknown. */
  unavailable: boolean;
}

export type UsageScope = { kind: "team" } | { kind: "user"; userId: string; email: string };

export interface UsageReport {
  month: Month;
  scope: UsageScope;
  totals: UsageFigures;
  byTeammate: UsageRow[];
  byModel: UsageRow[];
  byProject: UsageRow[];
  /** Every UTC day of the month, quiet days included. */
  byDay: UsageRow[];
  caps: CapStatus[];
  /** null when the viewer may not see it (not an admin). */
  outside: OutsideSpend | null;
  /** Months that have launches in this scope, newest first (the month shown always included). */
  months: Month[];
}
