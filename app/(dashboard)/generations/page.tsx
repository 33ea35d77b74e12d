import type { Metadata } from "next";
import { HistoryPageBody } from "@/components/history/history-page";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "History" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function GenerationsPage({ searchParams }: Props) {
  const user = await requirePageUser();
  return <HistoryPageBody kind="generation" heading="Generation history" searchParams={await searchParams} viewerId={user.id} />;
}
