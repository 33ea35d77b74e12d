"use client";

import { useEffect, useState } from "react";
import { nearestCap, percentUsed, usd, whose, type CapStanding } from "@/lib/budgets/warning-text";

/**
 * "85% of your monthly budget is used": shown on the launch forms once a cap that applies
 * reaches 80 %. It reads GET /api/account/budget after the page is idle, with a plain fetch
 * (no zod, no query client), so the form's answer is current even when the page was opened
 * earlier; it says nothing when there is no cap near its end or the read fails. The header's
 * badge says the same from the server (header-budget-warning.tsx).
 */
function useNearCap(): CapStanding | null {
  const [cap, setCap] = useState<CapStanding | null>(null);
  useEffect(() => {
    let cancelled = false;
    const load = () =>
      fetch("/api/account/budget", { headers: { accept: "application/json" } })
        .then((response) => (response.ok ? (response.json() as Promise<{ caps?: CapStanding[] }>) : null))
        .then((body) => !cancelled && setCap(Array.isArray(body?.caps) ? nearestCap(body.caps) : null))
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

export function BudgetWarning() {
  const cap = useNearCap();
  if (!cap) return null;
  return (
    <p role="status" data-testid="budget-warning" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      {cap.ratio >= 1 ? `${whose(cap) === "your" ? "Your" : "The team's"} monthly budget is used up` : `${percentUsed(cap)}% of ${whose(cap)} monthly budget is used`}:{" "}
      {usd(cap.spent)} of {usd(cap.cap)} this month (UTC), {usd(cap.left)} left. A launch that would go over it is refused.
    </p>
  );
}
