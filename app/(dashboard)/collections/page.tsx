import type { Metadata } from "next";
import { CollectionsList } from "@/components/collections/collections-list";
import { hasRole } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { listCollections } from "@/lib/collections/collection-service";
import { getDb } from "@/lib/db";

export const metadata: Metadata = { title: "Collections" };
export const dynamic = "force-dynamic";

export default async function CollectionsPage() {
  const user = await requirePageUser();
  const collections = await listCollections(await getDb(), user);
  return <CollectionsList collections={collections} canChange={hasRole(user.role, "member")} />;
}
