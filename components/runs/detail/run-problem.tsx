import { toPollFailure } from "@/lib/queries/run";
import { pollStopOf } from "@/lib/runs/poll-policy";

const clock = (at: number) => new Date(at).toLocaleTimeString("en-GB");

/**
 * Why the page cannot show (or refresh) the run, and what to do about it. While the watch
 * retries by itself, the time of the next attempt is shown with a button to try at once;
 * after a 401, 403 or 404 the watch has stopped, and the message says why.
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
  const polled = toPollFailure(failure);
  const stop = pollStopOf(polled);
  const next = retrying && retryAt ? ` Retrying at ${clock(retryAt)}.` : "";
  let title: string;
  let advice: React.ReactNode;
  if (stop === "signed_out") {
    title = "Signed out";
    advice = (
      <>
        Your session has ended, so this page stopped checking the run.{" "}
        <a href={signInHref} className="font-medium underline">
          Sign in again
        </a>{" "}
        to keep watching it.
      </>
    );
  } else if (stop === "forbidden") {
    title = "No longer allowed";
    advice =
      "Your role no longer allows you to see this run, or your access was removed, so this page stopped checking it. Ask an admin if you still need it.";
  } else if (stop === "gone") {
    title = "Run no longer exists";
    advice = "FLORA no longer has this run, so this page stopped checking it. Check the link with whoever sent it.";
  } else if (polled.status === 402) {
    title = "FLORA credits have run out";
    advice = `FLORA refused to answer because the team's credits have run out. An admin can top them up in FLORA.${next}`;
  } else if (polled.status === 429) {
    title = "Rate limited";
    advice = `FLORA is rate limiting the team's key, so the dashboard is waiting before it asks again.${next}`;
  } else {
    title = "FLORA is not reachable";
    advice = `The dashboard could not get the run's status from FLORA.${next || " Try again in a moment."} If this goes on, an admin can find the details in the server log.`;
  }
  // Asking again after a stop gets the same answer; the advice says what to do instead.
  const canRetry = stop === null;
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
