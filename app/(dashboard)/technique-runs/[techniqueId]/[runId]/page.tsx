import type { Metadata } from "next";
import { RunPageBody, runPageMetadata } from "@/components/runs/run-page";
import { requirePageUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ techniqueId: string; runId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { techniqueId, runId } = await params;
  return runPageMetadata(runId, techniqueId);
}

export default async function TechniqueRunPage({ params, searchParams }: Props) {
  const user = await requirePageUser();
  const { techniqueId, runId } = await params;
  return <RunPageBody user={user} runId={runId} techniqueId={techniqueId} from={(await searchParams).from} />;
}
