import type { Metadata } from "next";
import { AppLink } from "@/components/ui/app-link";
import { TokensManager } from "@/components/tokens/tokens-manager";
import { canManageUsers } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { tokensVisibleTo } from "@/lib/tokens/token-service";

export const metadata: Metadata = { title: "Access tokens" };
export const dynamic = "force-dynamic";

export default async function AccountTokensPage() {
  const user = await requirePageUser();
  const tokens = await tokensVisibleTo(user);
  return (
    <section aria-labelledby="tokens-heading" className="max-w-5xl space-y-6">
      <div className="space-y-2">
        <p className="text-sm">
          <AppLink href="/account" className="text-accent underline-offset-2 hover:underline">
            Your account
          </AppLink>
        </p>
        <h1 id="tokens-heading" className="text-2xl font-semibold">
          Access tokens
        </h1>
        <p className="max-w-2xl text-sm text-muted">
          Scripts, the official FLORA SDK and the <code>flora</code> CLI go through the dashboard with a token instead of the team&apos;s key: set{" "}
          <code>FLORA_API_KEY</code> to the token and <code>FLORA_BASE_URL</code> to this dashboard&apos;s <code>/api/v1</code>. A token acts as you, never above its
          role or your current one, and its runs show its name.
        </p>
      </div>
      <TokensManager initialTokens={tokens} ownRole={user.role} isAdmin={canManageUsers(user.role)} ownEmail={user.email} />
    </section>
  );
}
