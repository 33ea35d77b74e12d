"use client";

import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { signInErrorMessage } from "@/components/auth/sign-in-messages";
import { checkSignIn, type SignInFieldErrors } from "@/components/auth/sign-in-schema";
import { Field, inputClass } from "@/components/forms/field";
import { focusField } from "@/components/ui/focus-field";
import { useHydrated } from "@/components/hooks/use-hydrated";

interface SignInFormProps {
  callbackPath: string;
  oauthProviders: Array<{ id: string; name: string }>;
  initialError: string | null;
}

export function SignInForm({ callbackPath, oauthProviders, initialError }: SignInFormProps) {
  const [error, setError] = useState<string | null>(initialError ? signInErrorMessage(initialError) : null);
  const [fieldErrors, setFieldErrors] = useState<SignInFieldErrors>({});
  const [pending, setPending] = useState(false);
  // A click before hydration would submit the form natively, without next-auth's CSRF token.
  const hydrated = useHydrated();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    // Read from the form itself: what was typed before the page hydrated counts too (a
    // controlled input would have reset it to its empty state).
    const form = new FormData(event.currentTarget);
    const checked = checkSignIn({ email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") });
    if ("errors" in checked) {
      // Nothing is sent: an empty form is not a failed attempt.
      setFieldErrors(checked.errors);
      focusField(event.currentTarget, Object.keys(checked.errors)[0]);
      return;
    }
    setFieldErrors({});
    setPending(true);
    const result = await signIn("credentials", { ...checked, redirect: false, callbackUrl: callbackPath });
    if (result?.ok && !result.error) {
      // A full navigation, so every server component renders with the new session.
      window.location.assign(callbackPath);
      return;
    }
    setError(signInErrorMessage(result?.error ?? "CredentialsSignin"));
    setPending(false);
  }

  return (
    <div className="mt-6 space-y-4">
      <form onSubmit={onSubmit} className="space-y-4" aria-label="Sign in with email and password" noValidate>
        <Field label="Email" error={fieldErrors.email}>
          {(control) => (
            <input
              {...control}
              name="email"
              type="email"
              autoComplete="username"
              required
              className={inputClass}
            />
          )}
        </Field>
        <Field label="Password" error={fieldErrors.password}>
          {(control) => (
            <input
              {...control}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              className={inputClass}
            />
          )}
        </Field>
        {error && (
          <p role="alert" data-testid="sign-in-error" className="rounded bg-rose-50 p-2 text-sm text-rose-900">
            {error}
          </p>
        )}
        <button
          type="submit"
          disabled={!hydrated || pending}
          className="w-full rounded-md bg-accent px-3 py-2 font-medium text-white disabled:opacity-60"
        >
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {oauthProviders.length > 0 && (
        <div className="space-y-2 border-t border-black/10 pt-4">
          {oauthProviders.map((provider) => (
            <button
              key={provider.id}
              type="button"
              disabled={!hydrated}
              onClick={() => signIn(provider.id, { callbackUrl: callbackPath })}
              className="w-full rounded-md border border-black/20 px-3 py-2 text-sm font-medium disabled:opacity-60"
            >
              Sign in with {provider.name}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
