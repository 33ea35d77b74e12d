import { AppLink } from "@/components/ui/app-link";
import { nearCapFor } from "@/lib/budgets/near-cap";
import { percentUsed, usd, whose } from "@/lib/budgets/warning-text";

/**
 * "Budget 85% used" in the header, for a teammate who can launch, once a cap that applies
 * reaches 80 %. Rendered on the server with the page: no script, no request after load, and
 * no badge popping into the header a moment later. Like the header itself it is as of the
 * page's load; a launch page reads it again when it renders (BudgetWarning).
 */
export async function HeaderBudgetWarning({ userId }: { userId: string }) {
  const cap = await nearCapFor(userId);
  if (!cap) return null;
  return (
    <AppLink
      href="/usage"
      data-testid="budget-warning-header"
      title={`${usd(cap.spent)} of ${whose(cap)} ${usd(cap.cap)} monthly budget used; ${usd(cap.left)} left`}
      className="whitespace-nowrap rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 hover:bg-amber-200"
    >
      {cap.ratio >= 1 ? "Budget reached" : `Budget ${percentUsed(cap)}% used`}
      <span className="sr-only"> ({whose(cap)} monthly budget: {usd(cap.left)} left)</span>
    </AppLink>
  );
}
