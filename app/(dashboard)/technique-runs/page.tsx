import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/session";
import { HistorySection } from "@/components/runs/history-section";
import { loadFirstPage } from "@/lib/runs/load-first-page";

export const metadata: Metadata = { title: "Technique runs" };
// Every visit reads the upstream afresh: history changes by the second.
export const dynamic = "force-dynamic";

export default async function TechniqueRunsPage() {
  await requirePageUser();
  return (
    <HistorySection
      heading="Technique runs"
      caption="Technique runs, newest first"
      titleHeading="Technique"
      what="the technique runs"
      emptyText="No technique runs yet."
      page={await loadFirstPage("technique")}
    />
  );
}
