"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useHydrated } from "@/components/hooks/use-hydrated";
import { LocalTime } from "@/components/ui/local-time";
import type { ActivityEntryView, ActivityPage } from "@/lib/activity/contract";
import { describeActor, describeDetail } from "@/lib/activity/describe";
import type { ActivityFilters } from "@/lib/activity/filters";
import { activityKindLabel } from "@/lib/activity/kinds";
import { activityListOptions } from "@/lib/queries/activity";

const cell = "px-3 py-2 align-top";

function ActivityRow({ entry }: { entry: ActivityEntryView }) {
  return (
    <tr className="border-t border-black/10">
      <td className={`${cell} whitespace-nowrap`}>
        <LocalTime iso={entry.at} />
      </td>
      <td className={`${cell} min-w-[9rem] [overflow-wrap:anywhere]`}>{describeActor(entry)}</td>
      <td className={`${cell} whitespace-nowrap`}>{activityKindLabel(entry.kind)}</td>
      <td className={`${cell} min-w-[9rem] [overflow-wrap:anywhere]`}>{entry.subject ?? "—"}</td>
      <td className={`${cell} min-w-[14rem] break-words`}>{describeDetail(entry)}</td>
    </tr>
  );
}

/**
 * The log's table, newest first, and "Load more" for the next (older) page by its cursor.
 * The first page comes with the server's render; the rest from GET /api/activity.
 */
export function ActivityLog({ filters, initialPage }: { filters: ActivityFilters; initialPage: ActivityPage }) {
  const hydrated = useHydrated();
  const list = useInfiniteQuery({ ...activityListOptions(filters), initialData: { pages: [initialPage], pageParams: [undefined] } });
  const entries = list.data.pages.flatMap((page) => page.entries);

  if (entries.length === 0) return <p className="text-muted">No activity matches these filters.</p>;

  return (
    <div className="space-y-3">
      {/* Columns keep a readable width; on a phone the table scrolls inside its box, and the
          page itself never scrolls sideways. */}
      <div role="region" aria-label="Activity entries" tabIndex={0} className="overflow-x-auto rounded-md border border-black/10">
        <table className="w-full min-w-[48rem] text-left text-sm">
          <caption className="sr-only">Activity, newest first</caption>
          <thead className="bg-black/5 text-xs uppercase tracking-wide text-muted">
            <tr>
              <th scope="col" className={cell}>
                Time
              </th>
              <th scope="col" className={cell}>
                Who
              </th>
              <th scope="col" className={cell}>
                What
              </th>
              <th scope="col" className={cell}>
                Subject
              </th>
              <th scope="col" className={cell}>
                Details
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <ActivityRow key={entry.id} entry={entry} />
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-sm text-muted" aria-live="polite">
          {entries.length} {entries.length === 1 ? "entry" : "entries"} shown{list.hasNextPage ? "" : ", the oldest included"}.
        </p>
        {list.hasNextPage && (
          <button
            type="button"
            disabled={!hydrated || list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
            className="rounded-md border border-black/20 px-3 py-1.5 text-sm font-medium hover:bg-white disabled:text-muted"
          >
            {list.isFetchingNextPage ? "Loading…" : "Load more"}
          </button>
        )}
        {list.isFetchNextPageError && (
          <p className="text-sm text-red-700" role="status">
            Older entries could not be loaded: {list.error?.message ?? "try again"}.
          </p>
        )}
      </div>
    </div>
  );
}
