import { monthLabel, type Month } from "@/lib/usage/month";

interface UsagePickerProps {
  month: Month;
  months: Month[];
  /** Teammates an admin may pick; null for a teammate, who sees only their own. */
  teammates: Array<{ id: string; email: string }> | null;
  selectedUserId: string | null;
}

/**
 * The month (and, for admins, the teammate) as a plain GET form: the choice lives in the
 * URL (`?month=2026-11&user=…`), so a copied link reopens the same view, and it works
 * before any script has loaded.
 */
export function UsagePicker({ month, months, teammates, selectedUserId }: UsagePickerProps) {
  return (
    <form method="get" action="/usage" className="flex flex-wrap items-end gap-3">
      <div className="flex flex-col gap-1">
        <label htmlFor="usage-month" className="text-sm font-medium">
          Month (UTC)
        </label>
        <select id="usage-month" name="month" defaultValue={month} className="rounded-md border border-black/20 bg-white px-2 py-1.5 text-sm">
          {months.map((option) => (
            <option key={option} value={option}>
              {monthLabel(option)}
            </option>
          ))}
        </select>
      </div>
      {teammates && (
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor="usage-user" className="text-sm font-medium">
            Teammate
          </label>
          <select
            id="usage-user"
            name="user"
            defaultValue={selectedUserId ?? ""}
            className="max-w-full rounded-md border border-black/20 bg-white px-2 py-1.5 text-sm"
          >
            <option value="">Whole team</option>
            {teammates.map((teammate) => (
              <option key={teammate.id} value={teammate.id}>
                {teammate.email}
              </option>
            ))}
          </select>
        </div>
      )}
      <button type="submit" className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-white">
        Show
      </button>
    </form>
  );
}
