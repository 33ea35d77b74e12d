import type { Metadata } from "next";
import { AppLink } from "@/components/ui/app-link";
import { CompareView } from "@/components/compare/compare-view";
import { requirePageUser } from "@/lib/auth/session";
import { loadRunViews } from "@/lib/collections/load-run-views";
import { compareQuerySchema } from "@/lib/compare/compare-query";

export const metadata: Metadata = { title: "Compare" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** `/compare?runs=run_a,tech_x/run_b`: 2 to 4 runs side by side; the address is the link to share. */
export default async function ComparePage({ searchParams }: Props) {
  await requirePageUser();
  const parsed = compareQuerySchema.safeParse({ runs: (await searchParams).runs });
  if (!parsed.success) {
    return (
      <section aria-labelledby="page-heading" className="space-y-3">
        <h1 id="page-heading" className="text-2xl font-semibold">
          Compare
        </h1>
        <p role="alert">
          This address does not name 2 to 4 runs to compare ({parsed.error.issues[0]?.message ?? "no runs"}). Pick runs in the{" "}
          <AppLink href="/generations" className="underline">
            history
          </AppLink>{" "}
          or a{" "}
          <AppLink href="/collections" className="underline">
            collection
          </AppLink>{" "}
          and press Compare.
        </p>
      </section>
    );
  }
  const views = await loadRunViews(parsed.data.runs);
  return <CompareView views={views} />;
}
