import { runStatusLabels } from "@/lib/flora/wire";
import type { RunStatus } from "@/lib/flora/wire";

const STYLES: Record<RunStatus, string> = {
  pending: "bg-amber-100 text-amber-900",
  running: "bg-sky-100 text-sky-900",
  completed: "bg-emerald-100 text-emerald-900",
  failed: "bg-rose-100 text-rose-900",
};

export function StatusBadge({ status }: { status: RunStatus }) {
  return (
    <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${STYLES[status]}`}>
      {runStatusLabels[status]}
    </span>
  );
}
