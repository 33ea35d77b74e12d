import type { Metadata } from "next";
import { HistoryPageBody } from "@/components/history/history-page";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Technique runs" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TechniqueRunsPage({ searchParams }: Props) {
  const user = await requirePageUser();
  return <HistoryPageBody kind="technique" heading="Technique runs" searchParams={await searchParams} viewerId={user.id} />;
}
