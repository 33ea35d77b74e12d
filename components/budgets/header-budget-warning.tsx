import { AppLink } from "@/components/ui/app-link";
import { budgetStatus } from "@/lib/budgets/status";
import { nearestCap, percentUsed, usd, whose } from "@/lib/budgets/warning-text";
import { getDb } from "@/lib/db";
import { describeError, log } from "@/lib/log";

/**
 * "Budget 85% used" in the header, for a teammate who can launch, once a cap that applies
 * reaches 80 %. Rendered on the server with the page: no script, no request after load, and
 * no badge popping into the header a moment later. Like the header itself it is as of the
 * page's load; the launch forms read it again (budget-warning.tsx). A failed read shows
 * nothing rather than failing the page.
 */
export async function HeaderBudgetWarning({ userId }: { userId: string }) {
  const cap = await budgetStatus(await getDb(), userId).then(
    (status) => nearestCap(status.caps),
    (error: unknown) => {
      log.warn("header budget warning: read failed", describeError(error));
      return null;
    },
  );
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
