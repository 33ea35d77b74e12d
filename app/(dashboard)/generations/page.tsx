import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/session";
import { HistorySection } from "@/components/runs/history-section";
import { loadFirstPage } from "@/lib/runs/load-first-page";

export const metadata: Metadata = { title: "History" };
// Every visit reads the upstream afresh: history changes by the second.
export const dynamic = "force-dynamic";

export default async function GenerationsPage() {
  await requirePageUser();
  return (
    <HistorySection
      heading="Generation history"
      caption="Generations, newest first"
      titleHeading="Model"
      what="the generation history"
      emptyText="No generations yet."
      page={await loadFirstPage("generation")}
    />
  );
}
