"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/sign-in" })}
      className="rounded-md px-3 py-2 text-sm font-medium text-muted hover:bg-white hover:text-ink"
    >
      Sign out
    </button>
  );
}
