import type { Metadata } from "next";
import { UsersAdmin } from "@/components/admin/users-admin";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { publicUser } from "@/lib/users/user-api";
import { listUsers } from "@/lib/users/users";

export const metadata: Metadata = { title: "Users" };
export const dynamic = "force-dynamic";

export default async function UsersPage() {
  const me = await requirePageUser("admin");
  const users = (await listUsers(await getDb())).map(publicUser);
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
      <UsersAdmin initialUsers={users} currentUserId={me.id} />
    </section>
  );
}
