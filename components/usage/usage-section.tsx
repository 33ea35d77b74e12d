import { UsageChart } from "@/components/usage/usage-chart";
import { UsageTable } from "@/components/usage/usage-table";
import type { UsageRow } from "@/lib/usage/report";

interface UsageSectionProps {
  id: string;
  heading: string;
  nameHeading: string;
  /** What the chart draws (every day of the month for the day chart). */
  chartRows: UsageRow[];
  /** What the table lists (the same figures; quiet days left out). */
  tableRows: UsageRow[];
  emptyText: string;
}

/** One dimension: a heading, its chart, and the table with the same figures. */
export function UsageSection({ id, heading, nameHeading, chartRows, tableRows, emptyText }: UsageSectionProps) {
  return (
    <section aria-labelledby={`${id}-heading`} className="min-w-0 space-y-3">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {heading}
      </h2>
      {tableRows.length > 0 && (
        <UsageChart label={`${heading}: spend in US dollars`} labels={chartRows.map((row) => row.label)} values={chartRows.map((row) => row.spendUsd)} />
      )}
      <UsageTable caption={heading} nameHeading={nameHeading} rows={tableRows} emptyText={emptyText} />
    </section>
  );
}
