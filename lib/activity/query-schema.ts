import { z } from "zod";
import { activityCursorSchema, type ActivityCursor } from "@/lib/activity/cursor";
import { ACTIVITY_DEFAULT_LIMIT, ACTIVITY_MAX_LIMIT } from "@/lib/activity/contract";
import { ACTIVITY_FILTER_NAMES, type ActivityFilters } from "@/lib/activity/filters";
import { ACTIVITY_KINDS, type ActivityKind } from "@/lib/activity/kinds";

/**
 * The activity filters' zod schemas, shared by the API (strict: a bad value is a 400) and
 * the page (lenient: a bad value in a stale link is dropped, the page still opens).
 * Dates are UTC: a day (YYYY-MM-DD) covers the whole UTC day; a moment (ISO 8601 with a
 * zone) is taken as it is. Both ends are inclusive.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Start of the UTC day, or null if the text is not a real calendar day (2026-02-30). */
function utcDayStart(text: string): number | null {
  const match = DAY.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const start = Date.UTC(year, month - 1, day);
  const back = new Date(start);
  return back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day ? start : null;
}

const moment = z.iso.datetime({ offset: true });
const dateText = z
  .string()
  .max(40)
  .refine((text) => utcDayStart(text) !== null || moment.safeParse(text).success, "must be a day (YYYY-MM-DD, UTC) or an ISO 8601 time with a zone");

export const activityFilterSchemas = {
  person: z.uuid({ error: "is not a user id" }),
  kind: z.enum(ACTIVITY_KINDS, { error: `must be one of ${ACTIVITY_KINDS.join(", ")}` }),
  from: dateText,
  to: dateText,
} satisfies Record<(typeof ACTIVITY_FILTER_NAMES)[number], z.ZodType>;

/** Lower bound, inclusive, in ms. */
export function fromMs(text: string): number {
  return utcDayStart(text) ?? Date.parse(text);
}

/** Upper bound, exclusive, in ms: the day after a day, the next millisecond after a moment. */
export function toMsExclusive(text: string): number {
  const day = utcDayStart(text);
  return day !== null ? day + DAY_MS : Date.parse(text) + 1;
}

const rangeHolds = (query: { from?: string; to?: string }) =>
  query.from === undefined || query.to === undefined || fromMs(query.from) < toMsExclusive(query.to);

const filtersShape = z.object({
  person: activityFilterSchemas.person.optional(),
  kind: activityFilterSchemas.kind.optional(),
  from: activityFilterSchemas.from.optional(),
  to: activityFilterSchemas.to.optional(),
});

/** GET /api/activity/export's query: the filters alone. */
export const activityExportQuerySchema = filtersShape.strict().refine(rangeHolds, { path: ["to"], message: "must not be before from" });

/** GET /api/activity's query: the filters, a cursor and a page size. */
export const activityListQuerySchema = filtersShape
  .extend({
    cursor: activityCursorSchema.optional(),
    limit: z.coerce
      .number({ error: "must be a whole number" })
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .max(ACTIVITY_MAX_LIMIT, `must be at most ${ACTIVITY_MAX_LIMIT}`)
      .default(ACTIVITY_DEFAULT_LIMIT),
  })
  .strict()
  .refine(rangeHolds, { path: ["to"], message: "must not be before from" });

type SearchParamsLike = Record<string, string | string[] | undefined>;

/** The page's filters from its search params: each value that does not parse is dropped. */
export function parseActivityFilters(params: SearchParamsLike): ActivityFilters {
  const filters: ActivityFilters = {};
  for (const name of ACTIVITY_FILTER_NAMES) {
    const raw = params[name];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value === "") continue;
    const parsed = activityFilterSchemas[name].safeParse(value);
    if (parsed.success) (filters as Record<string, string>)[name] = parsed.data;
  }
  // A range that ends before it starts is dropped whole rather than guessed at.
  if (!rangeHolds(filters)) {
    delete filters.from;
    delete filters.to;
  }
  return filters;
}

/** The filters as the query layer takes them: times in ms. */
export interface ActivitySelection {
  person?: string;
  kind?: ActivityKind;
  /** Inclusive. */
  fromMs?: number;
  /** Exclusive. */
  toMs?: number;
}

export function toSelection(filters: ActivityFilters): ActivitySelection {
  return {
    ...(filters.person && { person: filters.person }),
    ...(filters.kind && { kind: filters.kind }),
    ...(filters.from && { fromMs: fromMs(filters.from) }),
    ...(filters.to && { toMs: toMsExclusive(filters.to) }),
  };
}

export type { ActivityCursor };

/**
 * Whether the page's URL already says exactly these filters: no empty, unknown, repeated
 * or dropped parameter. The filter form submits empty fields, so the page redirects to the
 * tidy URL when it does not.
 */
export function isTidyActivitySearch(params: SearchParamsLike, filters: ActivityFilters): boolean {
  return Object.entries(params).every(
    ([name, value]) => (ACTIVITY_FILTER_NAMES as readonly string[]).includes(name) && value === filters[name as keyof ActivityFilters],
  );
}
