import type { Metadata } from "next";
import { RunPageBody, runPageMetadata } from "@/components/runs/run-page";
import { requirePageUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ runId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return runPageMetadata((await params).runId, null);
}

export default async function GenerationRunPage({ params }: Props) {
  const user = await requirePageUser();
  return <RunPageBody user={user} runId={(await params).runId} techniqueId={null} />;
}
