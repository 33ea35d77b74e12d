import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { CollectionView } from "@/components/collections/collection-view";
import { hasRole } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { collectionIdSchema } from "@/lib/collections/collection-api";
import { getCollection } from "@/lib/collections/collection-service";
import { loadRunViews } from "@/lib/collections/load-run-views";
import { getDb } from "@/lib/db";
import { ApiError } from "@/lib/errors/api-error";

export const dynamic = "force-dynamic";

/** When the page was read: relative times start from here on both sides. */
const readClock = () => Date.now();

type Props = { params: Promise<{ id: string }> };

/** The collection, or a real 404 for an id that is malformed or gone. */
const loadCollection = cache(async (id: string) => {
  const user = await requirePageUser();
  if (!collectionIdSchema.safeParse(id).success) notFound();
  const collection = await getCollection(await getDb(), user, id).catch((error: unknown) => {
    if (error instanceof ApiError && error.code === "not_found") notFound();
    throw error;
  });
  return { user, collection };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${(await loadCollection((await params).id)).collection.name} · Collections` };
}

export default async function CollectionPage({ params }: Props) {
  const { user, collection } = await loadCollection((await params).id);
  const views = await loadRunViews(collection.runs.map((run) => ({ kind: run.kind, runId: run.run_id, techniqueId: run.technique_id })));
  return <CollectionView collection={collection} views={views} canChange={hasRole(user.role, "member")} renderedAt={readClock()} />;
}
