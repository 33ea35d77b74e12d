import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ActivityFiltersForm } from "@/components/activity/activity-filters";
import { ActivityLog } from "@/components/activity/activity-log";
import { ACTIVITY_DEFAULT_LIMIT } from "@/lib/activity/contract";
import { activitySearch } from "@/lib/activity/filters";
import { queryActivity } from "@/lib/activity/query";
import { isTidyActivitySearch, parseActivityFilters, toSelection } from "@/lib/activity/query-schema";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { listUsers } from "@/lib/users/users";

export const metadata: Metadata = { title: "Activity" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ActivityPage({ searchParams }: Props) {
  await requirePageUser("admin");
  const params = await searchParams;
  // A value that does not parse is dropped (a stale link still opens); the URL is tidied.
  const filters = parseActivityFilters(params);
  if (!isTidyActivitySearch(params, filters)) redirect(`/activity${activitySearch(filters)}`);

  const db = await getDb();
  const [users, firstPage] = await Promise.all([
    listUsers(db),
    queryActivity(db, { ...toSelection(filters), limit: ACTIVITY_DEFAULT_LIMIT }),
  ]);
  const people = users.map(({ id, email, name }) => ({ id, email, name }));

  return (
    <section aria-labelledby="activity-heading" className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 id="activity-heading" className="text-2xl font-semibold">
            Activity
          </h1>
          <p className="mt-1 text-muted">
            Sign-ins, launches, budget refusals, tokens, user changes and downloads, newest first. Nobody can edit an entry;
            entries older than {getEnv().ACTIVITY_RETENTION_DAYS} days are removed.
          </p>
        </div>
        {/* A plain link: the browser downloads the CSV of exactly these filters. */}
        <a
          href={`/api/activity/export${activitySearch(filters)}`}
          download
          className="rounded-md border border-black/20 px-3 py-1.5 text-sm font-medium hover:bg-white"
        >
          Export CSV
        </a>
      </div>
      <ActivityFiltersForm filters={filters} people={people} />
      <ActivityLog filters={filters} initialPage={firstPage} />
    </section>
  );
}
