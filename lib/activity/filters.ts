import type { ActivityKind } from "@/lib/activity/kinds";

/**
 * The activity filters as they live in the URL (`/activity?person=…&kind=…&from=…&to=…`)
 * and in the API's query. The server parses them (lib/activity/query-schema.ts); this
 * module only writes them back, in one order, so equal filters make equal URLs and keys.
 */
export interface ActivityFilters {
  /** A user's id: entries that user did. */
  person?: string;
  kind?: ActivityKind;
  /** First UTC day (YYYY-MM-DD) or moment (ISO 8601), inclusive. */
  from?: string;
  /** Last UTC day (YYYY-MM-DD) or moment (ISO 8601), inclusive. */
  to?: string;
}

export const ACTIVITY_FILTER_NAMES = ["person", "kind", "from", "to"] as const satisfies ReadonlyArray<keyof ActivityFilters>;

/** `person=…&kind=…` (empty when no filter), in a stable order. */
export function activityQueryString(filters: ActivityFilters, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const name of ACTIVITY_FILTER_NAMES) {
    const value = filters[name];
    if (value) params.set(name, value);
  }
  for (const [name, value] of Object.entries(extra)) if (value) params.set(name, value);
  return params.toString();
}

/** `?person=…` or "" : for links and the page's own URL. */
export function activitySearch(filters: ActivityFilters): string {
  const text = activityQueryString(filters);
  return text ? `?${text}` : "";
}

export const hasActivityFilters = (filters: ActivityFilters) => ACTIVITY_FILTER_NAMES.some((name) => filters[name] !== undefined);
