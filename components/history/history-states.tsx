import { DashboardApiError } from "@/lib/queries/fetch-json";

export function HistorySkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading runs" className="space-y-2">
      {Array.from({ length: 8 }, (_, index) => (
        <div key={index} className="h-[88px] animate-pulse rounded bg-black/5" />
      ))}
    </div>
  );
}

export function HistoryEmpty({ filterNames, onClear }: { filterNames: string[]; onClear: () => void }) {
  if (filterNames.length === 0) return <p className="rounded-lg bg-white p-6 text-muted">No runs yet.</p>;
  return (
    <div className="rounded-lg bg-white p-6">
      <p>No runs match these filters: {filterNames.join(", ")}.</p>
      <button type="button" onClick={onClear} className="mt-2 text-accent underline">
        Clear all filters
      </button>
    </div>
  );
}

export function HistoryError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  return (
    <div role="status" className="rounded-lg border border-rose-200 bg-rose-50 p-4 text-rose-900">
      <p className="font-medium">Could not load the runs.</p>
      <p className="mt-1 text-sm">{error.message}</p>
      <button type="button" onClick={onRetry} className="mt-2 rounded-md bg-white px-3 py-1 text-sm font-medium">
        Retry
      </button>
    </div>
  );
}

/** Shown while react-query waits out the gateway's Retry-After. */
export function RateLimitNotice({ error, since }: { error: unknown; since: number }) {
  if (!(error instanceof DashboardApiError) || error.status !== 429) return null;
  const at = new Date(since + (error.retryAfterMs ?? 5_000));
  return (
    <p role="status" className="rounded bg-amber-50 p-2 text-sm text-amber-900">
      Rate limited, retrying at {at.toLocaleTimeString("en-GB")}.
    </p>
  );
}

/** Shown once a row's poll was answered 401: the rows stopped updating until the teammate signs in. */
export function SignedOutNotice({ signInHref }: { signInHref: string }) {
  return (
    <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950">
      <p className="font-medium">Signed out</p>
      <p className="mt-1 text-sm">
        Your session has ended, so the runs here stopped updating.{" "}
        <a href={signInHref} className="font-medium underline">
          Sign in again
        </a>{" "}
        to come back to this list.
      </p>
    </div>
  );
}
