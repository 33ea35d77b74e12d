import { formatUsd } from "@/lib/money";
import type { CapStatus, OutsideSpend, UsageFigures } from "@/lib/usage/report";

/** The month's totals, what they count, and the one outside-the-dashboard line. */
export function UsageTotals({ totals, outside }: { totals: UsageFigures; outside: OutsideSpend | null }) {
  return (
    <section aria-labelledby="usage-totals-heading" className="space-y-2">
      <h2 id="usage-totals-heading" className="text-lg font-semibold">
        Spend through the dashboard
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="usage-totals">
        <Figure term="Spend" value={formatUsd(totals.spendUsd)} testId="usage-total-spend" />
        <Figure term="Runs" value={String(totals.runs)} testId="usage-total-runs" />
        <Figure term="Charged by FLORA" value={formatUsd(totals.chargedUsd)} />
        <Figure term="Held, not yet charged" value={formatUsd(totals.heldUsd)} />
      </dl>
      <p className="text-sm text-muted">
        Spend counts only runs the dashboard knows the launcher of: launched from its forms or through its API with a
        session or a personal token. It is what counts against the caps: FLORA&apos;s charge once known, the estimate
        held for a run FLORA has not charged yet.
      </p>
      {outside && <OutsideLine outside={outside} />}
    </section>
  );
}

function OutsideLine({ outside }: { outside: OutsideSpend }) {
  return (
    <p className="rounded-md border border-black/10 bg-white px-3 py-2 text-sm" data-testid="usage-outside">
      <span className="font-medium">Outside the dashboard:</span>{" "}
      {outside.unavailable ? (
        "unknown, FLORA's history could not be read just now."
      ) : (
        <>
          {formatUsd(outside.usd)} charged by FLORA for {outside.runs} {outside.runs === 1 ? "run" : "runs"} this month that
          were launched elsewhere (the raw key, FLORA&apos;s own app).{" "}
          {outside.partial && <strong>Partial: only the newest runs were read, so older runs of the month are missing.</strong>}
        </>
      )}{" "}
      <span className="text-muted">Not counted above or against the caps; refreshed at most once a minute.</span>
    </p>
  );
}

function Figure({ term, value, testId }: { term: string; value: string; testId?: string }) {
  return (
    <div className="rounded-lg border border-black/10 bg-white px-3 py-2">
      <dt className="text-xs uppercase tracking-wide text-muted">{term}</dt>
      <dd className="text-lg font-semibold tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

/** Each cap beside the month's spend and what is left. */
export function UsageCaps({ caps }: { caps: CapStatus[] }) {
  return (
    <section aria-labelledby="usage-caps-heading" className="space-y-2">
      <h2 id="usage-caps-heading" className="text-lg font-semibold">
        Caps and what is left
      </h2>
      <div role="region" aria-label="Caps" tabIndex={0} className="max-w-full overflow-x-auto rounded-lg border border-black/10 bg-white">
        <table className="w-full text-left text-sm tabular-nums">
          <caption className="sr-only">Monthly caps, spend and what is left</caption>
          <thead className="bg-black/[0.03] text-xs uppercase tracking-wide text-muted">
            <tr>
              <th scope="col" className="px-3 py-2">Cap</th>
              <th scope="col" className="px-3 py-2 text-right">Monthly cap</th>
              <th scope="col" className="px-3 py-2 text-right">Spent</th>
              <th scope="col" className="px-3 py-2 text-right">Left</th>
            </tr>
          </thead>
          <tbody>
            {caps.map((cap) => (
              <tr key={cap.scope} className="border-t border-black/10">
                <th scope="row" className="min-w-[7rem] break-words px-3 py-2 font-medium">{cap.label}</th>
                <td className="px-3 py-2 text-right">{cap.capUsd === null ? "No cap" : formatUsd(cap.capUsd)}</td>
                <td className="px-3 py-2 text-right">{formatUsd(cap.spentUsd)}</td>
                <td className="px-3 py-2 text-right">{cap.leftUsd === null ? "—" : formatUsd(cap.leftUsd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
