import { RunTable } from "@/components/runs/run-table";
import { UpstreamProblem } from "@/components/runs/upstream-problem";
import type { FirstPage } from "@/lib/runs/load-first-page";

interface HistorySectionProps {
  heading: string;
  caption: string;
  titleHeading: string;
  what: string;
  emptyText: string;
  page: FirstPage | null;
}

/** A history page's body: the heading, then the runs, an empty state or the upstream problem. */
export function HistorySection({ heading, caption, titleHeading, what, emptyText, page }: HistorySectionProps) {
  return (
    <section aria-labelledby="page-heading" className="space-y-4">
      <h1 id="page-heading" className="text-2xl font-semibold">
        {heading}
      </h1>
      {page === null ? (
        <UpstreamProblem what={what} />
      ) : page.rows.length === 0 ? (
        <p className="text-muted">{emptyText}</p>
      ) : (
        <RunTable caption={caption} titleHeading={titleHeading} rows={page.rows} now={page.readAt} />
      )}
    </section>
  );
}
