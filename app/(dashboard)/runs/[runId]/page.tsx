import type { Metadata } from "next";
import { RunPageBody, runPageMetadata } from "@/components/runs/run-page";
import { requirePageUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ runId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return runPageMetadata((await params).runId, null);
}

export default async function GenerationRunPage({ params, searchParams }: Props) {
  const user = await requirePageUser();
  return <RunPageBody user={user} runId={(await params).runId} techniqueId={null} from={(await searchParams).from} />;
}
