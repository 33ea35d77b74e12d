"use client";

import { useState } from "react";
import { signOut } from "@/components/auth/sign-out-button";
import { useHydrated } from "@/components/hooks/use-hydrated";

export function SignOutEverywhere() {
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const hydrated = useHydrated();

  async function endAll() {
    setPending(true);
    setFailure(null);
    try {
      const response = await fetch("/api/account/sessions", { method: "DELETE" });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(body?.error?.message ?? `The dashboard answered ${response.status}.`);
      }
      await signOut("/sign-in?notice=signed-out-everywhere");
    } catch (error) {
      setPending(false);
      setFailure(error instanceof Error ? error.message : "Your sessions could not be ended.");
    }
  }

  return (
    <div className="space-y-2">
      <button
        type="button"
        disabled={!hydrated || pending}
        onClick={() => void endAll()}
        className="rounded-md border border-rose-700 px-3 py-2 text-sm font-medium text-rose-800 hover:bg-rose-50 disabled:opacity-60"
      >
        {pending ? "Signing out everywhere…" : "Sign out everywhere"}
      </button>
      {failure && (
        <p role="alert" className="rounded bg-rose-50 p-2 text-sm text-rose-900">
          {failure}
        </p>
      )}
    </div>
  );
}
