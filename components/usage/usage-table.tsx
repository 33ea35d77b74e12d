import { formatUsd } from "@/lib/money";
import type { UsageRow } from "@/lib/usage/report";

/**
 * One dimension's figures as a table: the accessible source of what its chart draws. It
 * scrolls inside its own box on a narrow screen, so the page itself never scrolls sideways.
 */
export function UsageTable({ caption, nameHeading, rows, emptyText }: { caption: string; nameHeading: string; rows: UsageRow[]; emptyText: string }) {
  if (rows.length === 0) return <p className="text-sm text-muted">{emptyText}</p>;
  return (
    // Focusable so a keyboard can scroll it when it is wider than the screen.
    <div role="region" aria-label={caption} tabIndex={0} className="max-w-full overflow-x-auto rounded-lg border border-black/10 bg-white">
      <table className="w-full text-left text-sm tabular-nums">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-black/[0.03] text-xs uppercase tracking-wide text-muted">
          <tr>
            <th scope="col" className="px-3 py-2">{nameHeading}</th>
            <th scope="col" className="px-3 py-2 text-right">Runs</th>
            <th scope="col" className="px-3 py-2 text-right">Spend</th>
            <th scope="col" className="px-3 py-2 text-right">Charged</th>
            <th scope="col" className="px-3 py-2 text-right">Held, not yet charged</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="border-t border-black/10">
              <th scope="row" className="min-w-[7rem] break-words px-3 py-2 font-medium">{row.label}</th>
              <td className="px-3 py-2 text-right">{row.runs}</td>
              <td className="px-3 py-2 text-right">{formatUsd(row.spendUsd)}</td>
              <td className="px-3 py-2 text-right">{formatUsd(row.chargedUsd)}</td>
              <td className="px-3 py-2 text-right">{formatUsd(row.heldUsd)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
