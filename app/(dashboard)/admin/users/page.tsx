import type { Metadata } from "next";
import { UsersAdmin } from "@/components/admin/users-admin";
import { CapForm } from "@/components/budgets/cap-form";
import { allCaps, TEAM_SCOPE } from "@/lib/budgets/caps";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { publicUser } from "@/lib/users/user-api";
import { listUsers } from "@/lib/users/users";

export const metadata: Metadata = { title: "Users" };
export const dynamic = "force-dynamic";

export default async function UsersPage() {
  const me = await requirePageUser("admin");
  const users = (await listUsers(await getDb())).map(publicUser);
  const caps = await allCaps(await getDb());
  return (
    <section aria-labelledby="users-heading" className="space-y-6">
      <div>
        <h1 id="users-heading" className="text-2xl font-semibold">
          Users
        </h1>
        <p className="mt-1 text-muted">
          Viewers browse everything, members also launch runs, admins also manage users.
        </p>
      </div>
      <section aria-labelledby="team-budget-heading" className="space-y-2 rounded-lg border border-black/10 bg-white p-4">
        <h2 id="team-budget-heading" className="text-lg font-medium">
          Budgets
        </h2>
        <p className="text-sm text-muted">
          Monthly caps in US dollars, per calendar month in UTC. A launch that would go over the team&apos;s cap or the
          teammate&apos;s own is refused before it reaches FLORA. Leave a cap empty (or write none) for no cap.
        </p>
        <CapForm label="Team's monthly budget (USD)" visibleLabel="Whole team" path="/api/admin/budget" initialUsd={caps.get(TEAM_SCOPE) ?? null} />
      </section>
      <UsersAdmin initialUsers={users} currentUserId={me.id} budgets={Object.fromEntries(caps)} />
    </section>
  );
}
