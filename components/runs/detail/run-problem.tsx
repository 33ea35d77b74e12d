import { DashboardApiError } from "@/lib/queries/fetch-json";

const clock = (at: number) => new Date(at).toLocaleTimeString("en-GB");

/**
 * Why the page cannot show (or refresh) the run, and what to do about it. While the watch
 * retries by itself, the time of the next attempt is shown with a button to try at once.
 */
export function RunProblem({
  failure,
  retryAt,
  retrying,
  onRetry,
  signInHref,
}: {
  failure: unknown;
  retryAt: number | null;
  retrying: boolean;
  onRetry: () => void;
  signInHref: string;
}) {
  const status = failure instanceof DashboardApiError ? failure.status : 0;
  const next = retrying && retryAt ? ` Retrying at ${clock(retryAt)}.` : "";
  let title: string;
  let advice: React.ReactNode;
  if (status === 429) {
    title = "Rate limited";
    advice = `FLORA is rate limiting the team's key, so the dashboard is waiting before it asks again.${next}`;
  } else if (status === 401) {
    title = "Signed out";
    advice = (
      <>
        Your session has ended.{" "}
        <a href={signInHref} className="font-medium underline">
          Sign in again
        </a>{" "}
        to keep watching this run.
      </>
    );
  } else if (status === 404) {
    title = "Run not found";
    advice = "FLORA no longer has this run. Check the link with whoever sent it.";
  } else if (status === 403) {
    title = "Not allowed";
    advice = "Your account cannot see this run. Ask an admin for access.";
  } else {
    title = "FLORA is not reachable";
    advice = `The dashboard could not get the run's status from FLORA.${next || " Try again in a moment."} If this goes on, an admin can find the details in the server log.`;
  }
  const canRetry = status !== 401 && status !== 404 && status !== 403;
  return (
    <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950">
      <p className="font-medium">{title}</p>
      <p className="mt-1 text-sm">{advice}</p>
      {canRetry && (
        <button type="button" onClick={onRetry} className="mt-2 rounded-md bg-white px-3 py-1 text-sm font-medium shadow-sm">
          Retry now
        </button>
      )}
    </div>
  );
}
