import { infiniteQueryOptions } from "@tanstack/react-query";
import type { ActivityPage } from "@/lib/activity/contract";
import { activityQueryString, type ActivityFilters } from "@/lib/activity/filters";
import { fetchJson } from "@/lib/queries/fetch-json";
import { retryPolicy } from "@/lib/queries/history";

/** Query keys for the activity log, from here only; the filters are part of the key. */
export const activityKeys = {
  all: ["activity"] as const,
  list: (filters: ActivityFilters) => ["activity", "list", filters] as const,
};

export function fetchActivityPage(filters: ActivityFilters, cursor: string | undefined): Promise<ActivityPage> {
  const query = activityQueryString(filters, { cursor });
  return fetchJson<ActivityPage>(`/api/activity${query ? `?${query}` : ""}`);
}

/** Pages of the log, older as they go; the server page hands over the first. */
export function activityListOptions(filters: ActivityFilters) {
  return infiniteQueryOptions({
    queryKey: activityKeys.list(filters),
    queryFn: ({ pageParam }) => fetchActivityPage(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage: ActivityPage) => lastPage.next_cursor ?? undefined,
    ...retryPolicy,
  });
}
