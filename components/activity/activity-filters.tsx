import { AppLink } from "@/components/ui/app-link";
import type { ActivityFilters } from "@/lib/activity/filters";
import { ACTIVITY_KIND_LABELS, ACTIVITY_KINDS } from "@/lib/activity/kinds";

export interface ActivityPerson {
  id: string;
  email: string;
  name: string | null;
}

const field = "w-full min-w-0 rounded-md border border-black/20 bg-white px-2 py-1.5 text-sm sm:w-auto sm:max-w-[16rem]";
const label = "flex min-w-0 flex-col gap-1 text-xs font-medium";
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The filters as a plain GET form: it works before (and without) JavaScript, the browser's
 * own controls are keyboard-ready, and submitting puts the filters in the URL, where the
 * page reads them. No client code: the header's and this page's JS stay small.
 */
export function ActivityFiltersForm({ filters, people }: { filters: ActivityFilters; people: ActivityPerson[] }) {
  // A person filter from a link may name someone removed since: still shown, still chosen.
  const known = !filters.person || people.some((person) => person.id === filters.person);
  return (
    <form method="get" action="/activity" role="search" aria-label="Filter activity" className="grid grid-cols-2 items-end gap-3 sm:flex sm:flex-wrap">
      <label className={label}>
        Person
        <select name="person" defaultValue={filters.person ?? ""} className={field}>
          <option value="">Everyone</option>
          {!known && <option value={filters.person}>Removed user</option>}
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name ? `${person.name} (${person.email})` : person.email}
            </option>
          ))}
        </select>
      </label>
      <label className={label}>
        Kind
        <select name="kind" defaultValue={filters.kind ?? ""} className={field}>
          <option value="">Every kind</option>
          {ACTIVITY_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {ACTIVITY_KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </label>
      <label className={label}>
        From (UTC day)
        <input type="date" name="from" defaultValue={filters.from && DAY.test(filters.from) ? filters.from : ""} className={field} />
      </label>
      <label className={label}>
        To (UTC day)
        <input type="date" name="to" defaultValue={filters.to && DAY.test(filters.to) ? filters.to : ""} className={field} />
      </label>
      <div className="col-span-2 flex items-center gap-3">
        <button type="submit" className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-white hover:opacity-90">
          Apply filters
        </button>
        <AppLink href="/activity" className="px-2 py-1.5 text-sm text-accent underline">
          Clear filters
        </AppLink>
      </div>
    </form>
  );
}
