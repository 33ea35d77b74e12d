import { AppLink } from "@/components/ui/app-link";

/** A run link that leads nowhere: a mistyped id, or a run this team's key cannot see. */
export function RunNotFound({ historyHref, historyName }: { historyHref: string; historyName: string }) {
  return (
    <section aria-labelledby="page-heading" className="space-y-3 rounded-lg bg-white p-6 shadow-sm">
      <h1 id="page-heading" className="text-2xl font-semibold">
        Run not found
      </h1>
      <p>
        FLORA has no run at this address. The link may be mistyped or cut short, or the run may belong to another team&apos;s
        FLORA key.
      </p>
      <p>
        Ask whoever sent the link to copy it again, or look for the run in the{" "}
        <AppLink href={historyHref} className="font-medium text-accent underline">
          {historyName}
        </AppLink>
        .
      </p>
    </section>
  );
}
