import { UsagePicker } from "@/components/usage/usage-picker";
import { UsageSection } from "@/components/usage/usage-section";
import { UsageCaps, UsageTotals } from "@/components/usage/usage-summary";
import { monthLabel } from "@/lib/usage/month";
import type { UsageReport } from "@/lib/usage/report";

interface UsagePageBodyProps {
  report: UsageReport;
  teammates: Array<{ id: string; email: string }> | null;
}

/** The usage page: picker, totals, caps, then spend by teammate, model, project and day. */
export function UsagePageBody({ report, teammates }: UsagePageBodyProps) {
  const selectedUserId = report.scope.kind === "user" ? report.scope.userId : null;
  const whose = report.scope.kind === "team" ? "the whole team" : report.scope.email;
  const exportQuery = new URLSearchParams({ month: report.month, ...(selectedUserId && { user: selectedUserId }) });
  const quiet = report.totals.runs === 0 && report.totals.spendUsd === 0;
  return (
    <section aria-labelledby="usage-heading" className="min-w-0 space-y-8">
      <div className="space-y-3">
        <h1 id="usage-heading" className="text-2xl font-semibold">
          Usage
        </h1>
        <p className="text-muted" data-testid="usage-scope">
          {monthLabel(report.month)} (UTC), {whose}.
        </p>
        <div className="flex flex-wrap items-end justify-between gap-3">
          <UsagePicker month={report.month} months={report.months} teammates={teammates} selectedUserId={selectedUserId} />
          <a href={`/api/usage/export?${exportQuery}`} download className="rounded-md border border-black/20 bg-white px-3 py-1.5 text-sm font-medium">
            Export as CSV
          </a>
        </div>
      </div>
      <UsageTotals totals={report.totals} outside={report.outside} />
      <UsageCaps caps={report.caps} />
      {!quiet && (
        <div className="grid min-w-0 gap-8 lg:grid-cols-2">
          {report.scope.kind === "team" && (
            <UsageSection id="usage-teammates" heading="By teammate" nameHeading="Teammate" chartRows={report.byTeammate} tableRows={report.byTeammate} emptyText="No runs." />
          )}
          <UsageSection id="usage-models" heading="By model" nameHeading="Model or technique" chartRows={report.byModel} tableRows={report.byModel} emptyText="No runs." />
          <UsageSection id="usage-projects" heading="By project" nameHeading="Project" chartRows={report.byProject} tableRows={report.byProject} emptyText="No runs." />
          <UsageSection
            id="usage-days"
            heading="By day (UTC)"
            nameHeading="Day"
            chartRows={report.byDay}
            tableRows={report.byDay.filter((row) => row.runs > 0 || row.spendUsd !== 0)}
            emptyText="No runs."
          />
        </div>
      )}
      {quiet && <p className="text-muted">No runs were launched through the dashboard in {monthLabel(report.month)}.</p>}
    </section>
  );
}
