"use client";

import { AppLink } from "@/components/ui/app-link";
import { useEffect, useState } from "react";

/**
 * "You have used 85 % of your monthly budget": shown on the launch forms and in the header
 * once a cap that applies reaches 80 %. It reads GET /api/account/budget after the page is
 * idle, with a plain fetch (no zod, no query client: the header's JS stays small), and
 * says nothing when there is no cap near its end or the read fails.
 */
const WARN_RATIO = 0.8; // lib/budgets/status.ts WARN_RATIO; not imported, to keep server code out of the bundle.

interface CapStatus {
  scope: "user" | "team";
  cap: number;
  spent: number;
  left: number;
  ratio: number;
}

const usd = (amount: number) => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 2 }).format(amount);
const whose = (cap: CapStatus) => (cap.scope === "team" ? "the team's" : "your");

/** The cap nearest its end, if one is at or past the warning line. */
function nearest(caps: CapStatus[]): CapStatus | null {
  const near = caps.filter((cap) => cap.ratio >= WARN_RATIO).sort((a, b) => b.ratio - a.ratio);
  return near[0] ?? null;
}

function useNearCap(): CapStatus | null {
  const [cap, setCap] = useState<CapStatus | null>(null);
  useEffect(() => {
    let cancelled = false;
    const load = () =>
      fetch("/api/account/budget", { headers: { accept: "application/json" } })
        .then((response) => (response.ok ? (response.json() as Promise<{ caps?: CapStatus[] }>) : null))
        .then((body) => !cancelled && setCap(Array.isArray(body?.caps) ? nearest(body.caps) : null))
        .catch(() => undefined);
    const idle = window.requestIdleCallback ?? ((callback: () => void) => window.setTimeout(callback, 200));
    const cancelIdle = window.cancelIdleCallback ?? window.clearTimeout;
    const handle = idle(() => void load());
    return () => {
      cancelled = true;
      cancelIdle(handle);
    };
  }, []);
  return cap;
}

export function BudgetWarning({ variant }: { variant: "form" | "header" }) {
  const cap = useNearCap();
  if (!cap) return null;
  const percent = Math.min(100, Math.round(cap.ratio * 100));
  const reached = cap.ratio >= 1;
  if (variant === "header") {
    return (
      <AppLink
        href="/usage"
        data-testid="budget-warning-header"
        title={`${usd(cap.spent)} of ${whose(cap)} ${usd(cap.cap)} monthly budget used; ${usd(cap.left)} left`}
        className="whitespace-nowrap rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 hover:bg-amber-200"
      >
        {reached ? "Budget reached" : `Budget ${percent}% used`}
        <span className="sr-only"> ({whose(cap)} monthly budget: {usd(cap.left)} left)</span>
      </AppLink>
    );
  }
  return (
    <p role="status" data-testid="budget-warning" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      {reached ? `${whose(cap) === "your" ? "Your" : "The team's"} monthly budget is used up` : `${percent}% of ${whose(cap)} monthly budget is used`}: {usd(cap.spent)} of {usd(cap.cap)} this month (UTC),{" "}
      {usd(cap.left)} left. A launch that would go over it is refused.
    </p>
  );
}
