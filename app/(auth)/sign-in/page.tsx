import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { demoModeIsProven } from "@/lib/auth/demo-mode";
import { getAuthOptions } from "@/lib/auth/options";
import { getSessionUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

/** Why someone is here after signing out on purpose; anything else shows nothing. */
const NOTICES: Record<string, string> = {
  "password-changed": "Your password was changed and every session of yours ended. Sign in with the new password.",
  "signed-out-everywhere": "You were signed out everywhere.",
  "role-changed": "Your role was changed and every session of yours ended. Sign in again to continue with the new role.",
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function SignInPage({ searchParams }: Props) {
  const query = await searchParams;
  const callbackPath = safeCallbackPath(first(query.callbackUrl));
  const noticeKey = first(query.notice) ?? "";
  const notice = Object.hasOwn(NOTICES, noticeKey) ? NOTICES[noticeKey] : undefined;
  if (await getSessionUser()) redirect(callbackPath);

  const env = getEnv();
  const oauth = getAuthOptions()
    .providers.filter((provider) => provider.id !== "credentials")
    .map((provider) => ({ id: provider.id, name: provider.name }));
  // The password is printed only where it opens something: on the demo instance itself.
  const demo = (await demoModeIsProven()) ? { email: env.DEMO_ADMIN_EMAIL, password: env.DEMO_ADMIN_PASSWORD } : null;

  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-xl border border-black/10 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold">Sign in to Atelier</h1>
        <p className="mt-1 text-sm text-muted">Your team&apos;s FLORA dashboard.</p>
        {notice && (
          <p role="status" className="mt-4 rounded bg-emerald-50 p-2 text-sm text-emerald-900">
            {notice}
          </p>
        )}
        <SignInForm callbackPath={callbackPath} oauthProviders={oauth} initialError={first(query.error) ?? null} />
        {demo && (
          <p className="mt-4 rounded bg-amber-50 p-2 text-xs text-amber-900">
            Running on the built-in FLORA simulator: sign in as <strong>{demo.email}</strong> with the password{" "}
            <strong>{demo.password}</strong>.
          </p>
        )}
      </div>
    </main>
  );
}
