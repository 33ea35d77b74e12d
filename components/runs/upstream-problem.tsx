/** What a page shows when FLORA could not be read; the message is ours, details go to the log. */
export function UpstreamProblem({ what }: { what: string }) {
  return (
    <div role="status" className="rounded-lg border border-rose-200 bg-rose-50 p-4 text-rose-900">
      <p className="font-medium">Could not load {what} from FLORA.</p>
      <p className="mt-1 text-sm">
        FLORA did not answer, or answered with something we could not read. Reload the page to try again; if it
        keeps happening, an operator can find the details in the server log.
      </p>
    </div>
  );
}
