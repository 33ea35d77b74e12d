import { Fact, RunTime } from "@/components/runs/detail/run-details";
import type { RunContext } from "@/lib/runs/run-ref";

type Launch = NonNullable<RunContext["launch"]>;

/**
 * What was asked, under the title: the prompt (or a technique's text input) and who launched
 * it when. FLORA returns neither, so a run launched elsewhere says so in one line.
 */
export function LaunchSummary({ launch }: { launch: RunContext["launch"] }) {
  if (!launch) {
    return (
      <p className="text-sm text-muted" data-testid="launch-unknown">
        Launched outside the dashboard, so its prompt and launcher are not known (FLORA does not return them).
      </p>
    );
  }
  return (
    <section aria-label="What was asked" className="space-y-1">
      {launch.prompt ? (
        <p className="whitespace-pre-wrap text-base [overflow-wrap:anywhere]" data-testid="launch-prompt">
          {launch.prompt}
        </p>
      ) : (
        <p className="text-sm text-muted">{launch.kind === "technique" ? "No text input." : "No prompt."}</p>
      )}
      <p className="text-sm text-muted" data-testid="launched-by">
        Launched by <span className="font-medium text-ink [overflow-wrap:anywhere]">{launch.launchedBy}</span>
        {launch.viaToken !== null && (
          <>
            {" "}
            via token <span className="font-medium text-ink [overflow-wrap:anywhere]">‘{launch.viaToken}’</span>
          </>
        )}{" "}
        · <RunTime at={launch.launchedAt} />
      </p>
    </section>
  );
}

function ParamValue({ value }: { value: unknown }) {
  if (typeof value === "string") return <>{value}</>;
  return <code className="text-xs">{JSON.stringify(value)}</code>;
}

/** The params (or a technique's inputs) as recorded at launch, for the card beside the details. */
export function LaunchParams({ launch }: { launch: Launch }) {
  const params = Object.entries(launch.params ?? {});
  const technique = launch.kind === "technique";
  return (
    <div className="text-sm">
      <dl className="divide-y divide-black/5">
        {launch.type && <Fact term="Type">{launch.type}</Fact>}
        {params.map(([name, value]) => (
          <Fact key={name} term={<span className="font-mono text-xs">{name}</span>}>
            <ParamValue value={value} />
          </Fact>
        ))}
      </dl>
      {params.length === 0 && <p className="py-1.5 text-muted">{technique ? "No inputs besides the text." : "Model defaults."}</p>}
    </div>
  );
}
