import type { Metadata } from "next";
import { AppLink } from "@/components/ui/app-link";
import { forbidden, notFound } from "next/navigation";
import { ArchiveSize } from "@/components/archive/archive-size";
import { UsagePageBody } from "@/components/usage/usage-page-body";
import { getArchiveStore } from "@/lib/archive/archive-store";
import { archiveTotals } from "@/lib/archive/records";
import { canManageUsers } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { ApiError } from "@/lib/errors/api-error";
import { loadUsageReport } from "@/lib/usage/load-usage";
import { usageQuerySchema } from "@/lib/usage/usage-query";
import { listUsers } from "@/lib/users/users";

export const metadata: Metadata = { title: "Usage" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The picker's "Whole team" sends `user=`: an empty choice means none, not a bad id. */
function chosen(searchParams: Record<string, string | string[] | undefined>) {
  return Object.fromEntries(Object.entries(searchParams).filter(([, value]) => value !== "" && value !== undefined));
}

export default async function UsagePage({ searchParams }: Props) {
  const user = await requirePageUser();
  const parsed = usageQuerySchema.safeParse(chosen(await searchParams));
  if (!parsed.success) {
    return (
      <section aria-labelledby="usage-heading" className="space-y-3">
        <h1 id="usage-heading" className="text-2xl font-semibold">
          Usage
        </h1>
        <p role="alert">
          This address asks for a month or teammate that cannot be shown ({parsed.error.issues[0]?.message}).{" "}
          <AppLink href="/usage" className="underline">
            Show this month
          </AppLink>
          .
        </p>
      </section>
    );
  }
  const db = await getDb();
  const report = await loadUsageReport(db, user, parsed.data).catch((error: unknown) => {
    if (error instanceof ApiError && error.code === "forbidden") forbidden();
    if (error instanceof ApiError && error.code === "not_found") notFound();
    throw error;
  });
  const teammates = canManageUsers(user.role) ? (await listUsers(db)).map(({ id, email }) => ({ id, email })) : null;
  // The archive's size is the team's storage, not a teammate's: admins only.
  const archive = canManageUsers(user.role) ? await archiveTotals(db) : null;
  return (
    <div className="space-y-8">
      <UsagePageBody report={report} teammates={teammates} />
      {archive && <ArchiveSize outputs={archive.outputs} bytes={archive.bytes} where={getArchiveStore().kind} />}
    </div>
  );
}
