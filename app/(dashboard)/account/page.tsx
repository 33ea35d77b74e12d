import type { Metadata } from "next";
import { AppLink } from "@/components/ui/app-link";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { SignOutEverywhere } from "@/components/account/sign-out-everywhere";
import { SharedLinksSection } from "@/components/sharing/shared-links-section";
import { canManageUsers, ROLE_LABELS } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Your account" };
export const dynamic = "force-dynamic";

export default async function AccountPage() {
  const user = await requirePageUser();
  return (
    <section aria-labelledby="account-heading" className="max-w-2xl space-y-8">
      <div>
        <h1 id="account-heading" className="text-2xl font-semibold">
          Your account
        </h1>
        <dl className="mt-4 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
          <dt className="text-muted">Name</dt>
          <dd>{user.name ?? "Not set"}</dd>
          <dt className="text-muted">Email</dt>
          <dd className="break-all">{user.email}</dd>
          <dt className="text-muted">Role</dt>
          <dd>{ROLE_LABELS[user.role]}</dd>
        </dl>
      </div>
      <section aria-labelledby="password-heading" className="space-y-3">
        <h2 id="password-heading" className="text-lg font-semibold">
          Change password
        </h2>
        {user.password_hash ? (
          <ChangePasswordForm />
        ) : (
          <p className="text-sm text-muted">You sign in through your organisation&apos;s provider, so there is no password to change here.</p>
        )}
      </section>
      <section aria-labelledby="tokens-heading" className="space-y-3">
        <h2 id="tokens-heading" className="text-lg font-semibold">
          Access tokens
        </h2>
        <p className="text-sm text-muted">
          For scripts, the FLORA SDK and the <code>flora</code> CLI: they go through the dashboard as you, without the team&apos;s key.{" "}
          <AppLink href="/account/tokens" className="text-accent underline underline-offset-2">
            Manage access tokens
          </AppLink>
        </p>
      </section>
      <section aria-labelledby="shared-links-heading" className="space-y-3">
        <h2 id="shared-links-heading" className="text-lg font-semibold">
          Shared links
        </h2>
        <SharedLinksSection isAdmin={canManageUsers(user.role)} />
      </section>
      <section aria-labelledby="sessions-heading" className="space-y-3">
        <h2 id="sessions-heading" className="text-lg font-semibold">
          Sessions
        </h2>
        <p className="text-sm text-muted">
          Signed in on a computer you no longer use, or lost a phone? End every session of yours at once, this one included.
        </p>
        <SignOutEverywhere />
      </section>
    </section>
  );
}
