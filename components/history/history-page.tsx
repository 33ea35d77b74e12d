import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { HistoryView } from "@/components/history/history-view";
import { loadHistoryDirectory } from "@/lib/history/directory";
import { parseHistoryFilters, type HistoryKind } from "@/lib/history/filters";
import { loadHistoryList } from "@/lib/history/load-history-list";
import { historyKeys, historyListOptions } from "@/lib/queries/history";
import { getQueryClient } from "@/lib/queries/make-query-client";

type SearchParams = Record<string, string | string[] | undefined>;

/** When the first page was read: relative times start from here on both sides. */
const readClock = () => Date.now();

/**
 * A history page's server half: parses the filters from the URL with the same parser map
 * the client uses, prefetches the first page and the names with the same query options,
 * and hands them to the client view. A failed prefetch is not fatal: the client shows it.
 */
export async function HistoryPageBody({
  kind,
  heading,
  searchParams,
  viewerId,
}: {
  kind: HistoryKind;
  heading: string;
  searchParams: SearchParams;
  /** The signed-in teammate: "Launched by: Me" means them. */
  viewerId: string;
}) {
  const filters = parseHistoryFilters(searchParams, kind);
  const queryClient = getQueryClient();
  const renderedAt = readClock();
  // No retries here: the gateway already retried once, and the page must not wait longer;
  // the browser takes over (with its own retries) when the prefetch failed.
  await Promise.all([
    queryClient.prefetchInfiniteQuery({
      ...historyListOptions(kind, filters, (cursor) => loadHistoryList(kind, filters, cursor, viewerId)),
      retry: false,
    }),
    queryClient.prefetchQuery({ queryKey: historyKeys.directory(), queryFn: loadHistoryDirectory, retry: false }),
  ]);
  return (
    <section aria-labelledby="page-heading" className="space-y-4">
      <h1 id="page-heading" className="text-2xl font-semibold">
        {heading}
      </h1>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <HistoryView kind={kind} renderedAt={renderedAt} />
      </HydrationBoundary>
    </section>
  );
}
