import { percentUsed, usd, whose, type CapStanding } from "@/lib/budgets/warning-text";

/**
 * "85% of your monthly budget is used": shown on the launch forms once a cap that applies
 * reaches 80 %. `cap` is read by the page on the server when it renders (nearCapFor, shared
 * with the header's badge), so the form needs no request of its own and shows it at once.
 */
export function BudgetWarning({ cap }: { cap: CapStanding | null }) {
  if (!cap) return null;
  return (
    <p role="status" data-testid="budget-warning" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      {cap.ratio >= 1 ? `${whose(cap) === "your" ? "Your" : "The team's"} monthly budget is used up` : `${percentUsed(cap)}% of ${whose(cap)} monthly budget is used`}:{" "}
      {usd(cap.spent)} of {usd(cap.cap)} this month (UTC), {usd(cap.left)} left. A launch that would go over it is refused.
    </p>
  );
}
