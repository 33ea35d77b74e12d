"use client";

import { useState } from "react";

/**
 * Signs out through next-auth's own endpoint (CSRF token, then POST), without shipping
 * next-auth's client library to every dashboard page.
 */
export async function signOut(then = "/sign-in") {
  const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl: "/sign-in", json: "true" }),
  });
  // A full load, not a client navigation: every server component must forget the session.
  window.location.assign(then);
}

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOut().catch(() => setPending(false));
      }}
      className="rounded-md px-3 py-2 text-sm font-medium text-muted hover:bg-white hover:text-ink"
    >
      Sign out
    </button>
  );
}
