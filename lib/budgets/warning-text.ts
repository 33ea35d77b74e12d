/**
 * The budget warning's wording and which cap it is about, shared by the header's badge
 * (rendered on the server) and the launch forms' notice (in the browser). No imports: the
 * forms' bundle takes this file as it is.
 */
export const WARN_RATIO = 0.8;

export interface CapStanding {
  scope: "user" | "team";
  cap: number;
  spent: number;
  left: number;
  ratio: number;
}

const dollars = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 2 });
/** Caps and spend in whole cents: "$1,234.50". */
export const usd = (amount: number) => dollars.format(amount);

/** "your" or "the team's" monthly budget. */
export const whose = (cap: CapStanding) => (cap.scope === "team" ? "the team's" : "your");

/** The cap nearest its end, if one is at or past the warning line. */
export function nearestCap<Cap extends CapStanding>(caps: readonly Cap[]): Cap | null {
  const near = caps.filter((cap) => cap.ratio >= WARN_RATIO).sort((a, b) => b.ratio - a.ratio);
  return near[0] ?? null;
}

/** The share of the cap used, as a whole percentage that stops at 100. */
export const percentUsed = (cap: CapStanding) => Math.min(100, Math.round(cap.ratio * 100));
